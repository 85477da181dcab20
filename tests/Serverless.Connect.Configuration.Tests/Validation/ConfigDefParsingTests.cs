using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Tests.Validation;

public sealed class ConfigDefParsingTests
{
    private static ConfigValidationResult Validate(ConfigType type, string value) =>
        new ConfigDef().Define("k", type, Importance.High, "doc").Validate(new Dictionary<string, string> { ["k"] = value });

    private static object? Parse(ConfigType type, string value) => Validate(type, value).EnsureValid().Get("k");

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" False ", false)]
    public void Boolean_AcceptsOnlyTrueOrFalseInAnyCase(string text, bool expected)
    {
        Assert.Equal(expected, Parse(ConfigType.Boolean, text));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("t")]
    public void Boolean_RejectsEverythingElse(string text)
    {
        Assert.Equal($"k: Invalid value {text} for configuration k: Expected value to be either true or false", Validate(ConfigType.Boolean, text).ToString());
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData(" -7 ", -7)]
    [InlineData("+5", 5)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void Int_ParsesLikeIntegerParseInt(string text, int expected)
    {
        Assert.Equal(expected, Parse(ConfigType.Int, text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("2147483648")]
    [InlineData("1_000")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("1 000")]
    public void Int_RejectsNonIntegers(string text)
    {
        var result = Validate(ConfigType.Int, text);

        Assert.Equal($"Invalid value {text} for configuration k: Not a number of type INT", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Int_ErrorTextMatchesKafka()
    {
        var definition = new ConfigDef().Define("flush.size", ConfigType.Int, Importance.High, "Records per file.");

        var result = definition.Validate(new Dictionary<string, string> { ["flush.size"] = "abc" });

        Assert.Equal("flush.size: Invalid value abc for configuration flush.size: Not a number of type INT", result.ToString());
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-1", -1L)]
    public void Long_ParsesLikeLongParseLong(string text, long expected)
    {
        Assert.Equal(expected, Parse(ConfigType.Long, text));
    }

    [Fact]
    public void Long_RejectsOverflow()
    {
        Assert.Equal(
            "Invalid value 9223372036854775808 for configuration k: Not a number of type LONG",
            Assert.Single(Validate(ConfigType.Long, "9223372036854775808").Errors).Message);
    }

    [Fact]
    public void Short_RangeIsChecked()
    {
        Assert.Equal((short)32767, Parse(ConfigType.Short, "32767"));
        Assert.Equal("Invalid value 32768 for configuration k: Not a number of type SHORT", Assert.Single(Validate(ConfigType.Short, "32768").Errors).Message);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("-.5", -0.5)]
    [InlineData("2f", 2.0)]
    [InlineData("3D", 3.0)]
    [InlineData(" 7 ", 7.0)]
    public void Double_ParsesLikeDoubleParseDouble(string text, double expected)
    {
        Assert.Equal(expected, Parse(ConfigType.Double, text));
    }

    [Fact]
    public void Double_SpecialValuesAndErrors()
    {
        Assert.True(double.IsNaN((double)Parse(ConfigType.Double, "NaN")!));
        Assert.Equal(double.NegativeInfinity, Parse(ConfigType.Double, "-Infinity"));
        Assert.Equal("Invalid value 1,5 for configuration k: Not a number of type DOUBLE", Assert.Single(Validate(ConfigType.Double, "1,5").Errors).Message);
        Assert.Equal("Invalid value nan for configuration k: Not a number of type DOUBLE", Assert.Single(Validate(ConfigType.Double, "nan").Errors).Message);
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData(" a , b ,c ", new[] { "a", "b", "c" })]
    [InlineData("a,,b", new[] { "a", "", "b" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData("single", new[] { "single" })]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    public void List_SplitsOnCommasWithWhitespaceTrimmed(string text, string[] expected)
    {
        Assert.Equal(expected, (IReadOnlyList<string>)Parse(ConfigType.List, text)!);
    }

    [Fact]
    public void String_IsTrimmed()
    {
        Assert.Equal("value", Parse(ConfigType.String, "  value\t"));
    }

    [Fact]
    public void Class_AcceptsJavaClassNamesAndRejectsOthers()
    {
        Assert.Equal("org.apache.kafka.connect.transforms.ExtractField$Value", Parse(ConfigType.Class, " org.apache.kafka.connect.transforms.ExtractField$Value "));
        Assert.Equal("JsonConverter", Parse(ConfigType.Class, "JsonConverter"));
        Assert.Equal("Invalid value not a class for configuration k: Class not a class could not be found.", Assert.Single(Validate(ConfigType.Class, "not a class").Errors).Message);
        Assert.Equal("Invalid value  for configuration k: Class  could not be found.", Assert.Single(Validate(ConfigType.Class, "").Errors).Message);
    }

    [Fact]
    public void Password_IsHiddenEverywhere()
    {
        var definition = new ConfigDef().Define(new ConfigKey("secret", ConfigType.Password) { Validator = LambdaValidator.With((n, v) => throw new ConfigException(n, v, "too short"), "long") });

        var result = definition.Validate(new Dictionary<string, string> { ["secret"] = "hunter2" });

        Assert.Equal("secret: Invalid value [hidden] for configuration secret: too short", result.ToString());
        Assert.DoesNotContain("hunter2", result.ToString(), StringComparison.Ordinal);
        var parsed = new ConfigDef().Define("secret", ConfigType.Password, Importance.High, "doc").Parse(new Dictionary<string, string> { ["secret"] = " hunter2 " });
        Assert.Equal("hunter2", parsed.GetPassword("secret")!.Value);
        Assert.Equal("[hidden]", parsed.GetPassword("secret")!.ToString());
    }

    [Fact]
    public void MissingRequired_ErrorTextMatchesKafka()
    {
        var definition = new ConfigDef().Define("connection.url", ConfigType.List, Importance.High, "Elasticsearch URLs.");

        var result = definition.Validate(new Dictionary<string, string>());

        Assert.False(result.IsValid);
        Assert.Null(result.Config);
        Assert.Equal("connection.url: Missing required configuration \"connection.url\" which has no default value.", result.ToString());
    }

    [Fact]
    public void Errors_AreOnePerLineEachNamingItsKey()
    {
        var definition = new ConfigDef()
            .Define("a", ConfigType.Int, Importance.High, "doc")
            .Define("b", ConfigType.Boolean, false, Importance.Low, "doc")
            .Define("c", ConfigType.Long, Importance.Low, "doc");

        var result = definition.Validate(new Dictionary<string, string> { ["a"] = "x", ["b"] = "maybe" });

        Assert.Equal(
            [
                "a: Invalid value x for configuration a: Not a number of type INT",
                "b: Invalid value maybe for configuration b: Expected value to be either true or false",
                "c: Missing required configuration \"c\" which has no default value.",
            ],
            result.ToString().Split(Environment.NewLine));
        Assert.Equal(["Invalid value x for configuration a: Not a number of type INT"], result.ErrorsFor("a"));
        var exception = Assert.Throws<ConfigValidationException>(result.EnsureValid);
        Assert.Equal(result.ToString(), exception.Message);
    }

    [Fact]
    public void Defaults_AreAppliedAndTypedAccessorsWork()
    {
        var definition = new ConfigDef()
            .Define("batch.size", ConfigType.Int, 2000, NumberRange.Between(1, 1_000_000), Importance.Medium, "doc")
            .Define("bulk.size.bytes", ConfigType.Long, 5242880L, Importance.Low, "doc")
            .Define("ratio", ConfigType.Double, "0.5", Importance.Low, "doc")
            .Define("topics", ConfigType.List, "", Importance.High, "doc")
            .Define("fields", ConfigType.List, new[] { "a", "b" }, Importance.High, "doc")
            .Define("enabled", ConfigType.Boolean, "true", Importance.Low, "doc")
            .Define("user", ConfigType.String, null, Importance.Low, "doc")
            .Define("rf", ConfigType.Short, (short)3, Importance.Low, "doc")
            .Define("converter", ConfigType.Class, null, Importance.Low, "doc");

        var config = definition.Parse(new Dictionary<string, string> { ["batch.size"] = "10", ["extra"] = "x" });

        Assert.Equal(10, config.GetInt("batch.size"));
        Assert.Equal(5242880L, config.GetLong("bulk.size.bytes"));
        Assert.Equal(0.5, config.GetDouble("ratio"));
        Assert.Empty(config.GetList("topics")!);
        Assert.Equal(["a", "b"], config.GetList("fields")!);
        Assert.True(config.GetBoolean("enabled"));
        Assert.Null(config.GetString("user"));
        Assert.Equal((short)3, config.GetShort("rf"));
        Assert.Null(config.GetClass("converter"));
        Assert.True(config.IsSet("batch.size"));
        Assert.False(config.IsSet("ratio"));
        Assert.Equal(["extra"], config.UnknownKeys);
        Assert.Throws<ConfigException>(() => config.Get("nope"));
        Assert.Throws<InvalidOperationException>(() => config.GetString("batch.size"));
    }

    [Fact]
    public void NullDefault_OnValueTypeAccessor_Throws()
    {
        var config = new ConfigDef().Define("interval", ConfigType.Long, null, Importance.Low, "doc").Parse(new Dictionary<string, string>());

        Assert.Null(config.GetNullableLong("interval"));
        Assert.Throws<ConfigException>(() => config.GetLong("interval"));
    }

    [Fact]
    public void InvalidDefault_IsRejectedWhenDefined()
    {
        Assert.Throws<ArgumentException>(() => new ConfigDef().Define("n", ConfigType.Int, 0, NumberRange.AtLeast(1), Importance.Low, "doc"));
        Assert.Throws<ArgumentException>(() => new ConfigDef().Define("n", ConfigType.Int, "x", Importance.Low, "doc"));
        Assert.Throws<ArgumentException>(() => new ConfigDef().Define("n", ConfigType.Int, 1, Importance.Low, "doc").Define("n", ConfigType.Int, 1, Importance.Low, "doc"));
    }

    [Fact]
    public void Embed_PrefixesEveryKey()
    {
        var child = new ConfigDef().Define("field", ConfigType.String, Importance.High, "doc");
        var parent = new ConfigDef().Embed("transforms.extract.", child);

        var result = parent.Validate(new Dictionary<string, string>());

        Assert.Equal("transforms.extract.field: Missing required configuration \"transforms.extract.field\" which has no default value.", result.ToString());
    }

    [Fact]
    public void CopyConstructor_DoesNotChangeTheOriginal()
    {
        var original = new ConfigDef().Define("a", ConfigType.String, "", Importance.Low, "doc");
        var copy = new ConfigDef(original).Define("b", ConfigType.String, "", Importance.Low, "doc");

        Assert.Single(original.Keys);
        Assert.Equal(2, copy.Keys.Count);
    }
}
