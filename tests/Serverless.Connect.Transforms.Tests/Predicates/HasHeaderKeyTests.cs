using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Tests.Predicates;

public sealed class HasHeaderKeyTests
{
    [Fact]
    public void Configure_WithoutName_ReportsMissingRequiredConfiguration()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => new HasHeaderKey().Configure(new Dictionary<string, string>()));
        Assert.Contains("Missing required configuration \"name\" which has no default value.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_EmptyName_ReportsNonEmpty()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Configure(""));
        Assert.Equal("Invalid value  for configuration name: String must be non-empty", e.Message);
    }

    [Fact]
    public void Test_TrueWhenAnyHeaderHasTheName()
    {
        var predicate = Configure("foo");
        Assert.True(predicate.Test(WithHeaders("foo")));
        Assert.True(predicate.Test(WithHeaders("bar", "foo", "bar", "foo")));
        Assert.False(predicate.Test(WithHeaders("bar", "baz")));
        Assert.False(predicate.Test(WithHeaders()));
    }

    [Fact]
    public void Test_NamesAreCaseSensitive() => Assert.False(Configure("foo").Test(WithHeaders("FOO")));

    [Fact]
    public void Test_HeaderWithNullValueCounts()
    {
        var record = new ConnectRecord("t", null, null, null, null, null, headers: ConnectHeaders.Empty.Add("foo", null, null));
        Assert.True(Configure("foo").Test(record));
    }

    private static HasHeaderKey Configure(string name)
    {
        var predicate = new HasHeaderKey();
        predicate.Configure(new Dictionary<string, string> { ["name"] = name });
        return predicate;
    }

    private static ConnectRecord WithHeaders(params string[] names)
    {
        var headers = ConnectHeaders.Empty;
        foreach (var name in names)
        {
            headers = headers.AddString(name, "value");
        }

        return new ConnectRecord("t", 0, null, null, null, null, headers: headers);
    }
}
