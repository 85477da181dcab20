using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Tests.Validation;

public sealed class ValidatorTests
{
    private static string Error(ConfigType type, IConfigValidator validator, string value) =>
        new ConfigDef().Define("k", type, ConfigDef.NoDefaultValue, validator, Importance.High, "doc")
            .Validate(new Dictionary<string, string> { ["k"] = value })
            .ToString();

    [Fact]
    public void Range_MessagesMatchKafka()
    {
        Assert.Equal("k: Invalid value 0 for configuration k: Value must be at least 1", Error(ConfigType.Int, NumberRange.AtLeast(1), "0"));
        Assert.Equal("k: Invalid value 1000001 for configuration k: Value must be no more than 1000000", Error(ConfigType.Int, NumberRange.Between(1, 1_000_000), "1000001"));
        Assert.Equal("k: Invalid value 0.25 for configuration k: Value must be at least 0.5", Error(ConfigType.Double, NumberRange.Between(0.5, 1.0), "0.25"));
        Assert.Equal(string.Empty, Error(ConfigType.Long, NumberRange.Between(1, 10), "10"));
        Assert.Equal("[1,...]", NumberRange.AtLeast(1).ToString());
        Assert.Equal("[1,...,10]", NumberRange.Between(1, 10).ToString());
        Assert.Equal("[...,5]", NumberRange.AtMost(5).ToString());
    }

    [Fact]
    public void ParseFailure_DoesNotAlsoReportTheValidator()
    {
        Assert.Equal("k: Invalid value x for configuration k: Not a number of type INT", Error(ConfigType.Int, NumberRange.AtLeast(1), "x"));
    }

    [Fact]
    public void ValidString_IsCaseSensitive()
    {
        var validator = ValidString.In("none", "all");

        Assert.Equal(string.Empty, Error(ConfigType.String, validator, "all"));
        Assert.Equal("k: Invalid value ALL for configuration k: String must be one of: none, all", Error(ConfigType.String, validator, "ALL"));
        Assert.Equal("[none, all]", validator.ToString());
    }

    [Fact]
    public void CaseInsensitiveValidString_ListsUpperCasedValues()
    {
        var validator = CaseInsensitiveValidString.In("ignore", "delete", "fail");

        Assert.Equal(string.Empty, Error(ConfigType.String, validator, "Delete"));
        Assert.Equal(
            "k: Invalid value drop for configuration k: String must be one of (case insensitive): IGNORE, DELETE, FAIL",
            Error(ConfigType.String, validator, "drop"));
        Assert.Equal("(case insensitive) [IGNORE, DELETE, FAIL]", validator.ToString());
    }

    [Fact]
    public void NonEmptyString_RejectsBlankAfterTrimming()
    {
        Assert.Equal("k: Invalid value  for configuration k: String must be non-empty", Error(ConfigType.String, new NonEmptyString(), "   "));
    }

    [Fact]
    public void NonEmptyStringWithoutControlChars_ListsTheCharacters()
    {
        Assert.Equal(
            "k: Invalid value a\u0001b for configuration k: String may not contain control sequences but had the following ASCII chars: 1",
            Error(ConfigType.String, new NonEmptyStringWithoutControlChars(), "a\u0001b"));
        Assert.Equal("k: Invalid value  for configuration k: String may not be empty", Error(ConfigType.String, new NonEmptyStringWithoutControlChars(), ""));
    }

    [Fact]
    public void ValidList_ChecksEveryItemAndRendersListsLikeJava()
    {
        var validator = ValidList.In("c", "u", "d", "t", "none");

        Assert.Equal(string.Empty, Error(ConfigType.List, validator, "c, u"));
        Assert.Equal("k: Invalid value x for configuration k: String must be one of: c, u, d, t, none", Error(ConfigType.List, validator, "c,x"));
    }

    [Fact]
    public void CompositeAndLambda_RunInOrder()
    {
        var validator = CompositeValidator.Of(new NonNullValidator(), LambdaValidator.With((n, v) => throw new ConfigException(n, v, "nope"), "never"));

        Assert.Equal("k: Invalid value [a, b] for configuration k: nope", Error(ConfigType.List, validator, "a,b"));
        Assert.Equal("non-null string, never", validator.ToString());
    }
}
