using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Tests.Predicates;

public sealed class TopicNameMatchesTests
{
    [Fact]
    public void Configure_WithoutPattern_ReportsMissingRequiredConfiguration()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => new TopicNameMatches().Configure(new Dictionary<string, string>()));
        Assert.Contains("Missing required configuration \"pattern\" which has no default value.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_EmptyPattern_ReportsNonEmpty()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Configure(""));
        Assert.Contains("String must be non-empty", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("*")]
    public void Configure_InvalidRegex_ReportsInvalidRegex(string pattern)
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Configure(pattern));
        Assert.Contains($"Invalid value {pattern} for configuration pattern: Invalid regex: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigDef_Validate_ReportsOneProblemForInvalidRegex()
    {
        Assert.Empty(TopicNameMatches.ConfigDef.Validate(new Dictionary<string, string> { ["pattern"] = "my-prefix-.*" }).Errors);
        var errors = TopicNameMatches.ConfigDef.Validate(new Dictionary<string, string> { ["pattern"] = "*" }).Errors;
        var error = Assert.Single(errors);
        Assert.Equal("pattern", error.Key);
        Assert.Contains("Invalid regex", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-prefix-", true)]
    [InlineData("my-prefix-foo", true)]
    [InlineData("x-my-prefix-", false)]
    [InlineData("x-my-prefix-foo", false)]
    [InlineData("your-prefix-", false)]
    [InlineData("your-prefix-foo", false)]
    public void Test_MatchesWholeTopicOnly(string topic, bool expected) =>
        Assert.Equal(expected, Configure("my-prefix-.*").Test(new ConnectRecord(topic, null, null, null, null, null)));

    [Fact]
    public void Test_PartialMatchIsNotEnough() =>
        Assert.False(Configure("orders").Test(new ConnectRecord("db.orders.v1", null, null, null, null, null)));

    [Fact]
    public void Test_UsesJavaRegexSyntax()
    {
        // Possessive quantifiers and \p{javaLowerCase} are Java-only constructs.
        var predicate = Configure("\\p{javaLowerCase}++\\.\\d{2}");
        Assert.True(predicate.Test(new ConnectRecord("orders.42", null, null, null, null, null)));
        Assert.False(predicate.Test(new ConnectRecord("Orders.42", null, null, null, null, null)));
    }

    [Fact]
    public void Test_BeforeConfigure_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new TopicNameMatches().Test(new ConnectRecord("t", null, null, null, null, null)));

    private static TopicNameMatches Configure(string pattern)
    {
        var predicate = new TopicNameMatches();
        predicate.Configure(new Dictionary<string, string> { ["pattern"] = pattern });
        return predicate;
    }
}
