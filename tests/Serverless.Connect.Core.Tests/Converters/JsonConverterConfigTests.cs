using Serverless.Connect.Converters;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class JsonConverterConfigTests
{
    [Fact]
    public void Defaults_MatchKafka()
    {
        var config = JsonConverterConfig.Parse(new Dictionary<string, string>());

        Assert.True(config.SchemasEnabled);
        Assert.Equal(1000, config.SchemasCacheSize);
        Assert.Equal(DecimalFormat.Base64, config.DecimalFormat);
        Assert.True(config.ReplaceNullWithDefault);
        Assert.Equal(JsonConverterConfig.Default, config);
    }

    [Fact]
    public void Values_AreParsedLikeConfigDef()
    {
        var config = JsonConverterConfig.Parse(new Dictionary<string, string>
        {
            ["schemas.enable"] = " FALSE ",
            ["schemas.cache.size"] = "5",
            ["decimal.format"] = "numeric",
            ["replace.null.with.default"] = "false",
            ["unrelated"] = "ignored",
        });

        Assert.False(config.SchemasEnabled);
        Assert.Equal(5, config.SchemasCacheSize);
        Assert.Equal(DecimalFormat.Numeric, config.DecimalFormat);
        Assert.False(config.ReplaceNullWithDefault);
    }

    [Theory]
    [InlineData("schemas.enable", "yes", "Invalid value yes for configuration schemas.enable: Expected value to be either true or false")]
    [InlineData("decimal.format", "HEX", "Invalid value HEX for configuration decimal.format: String must be one of (case insensitive): BASE64, NUMERIC")]
    [InlineData("schemas.cache.size", "many", "Invalid value many for configuration schemas.cache.size: Not a number of type INT")]
    public void InvalidValues_Throw(string key, string value, string message)
    {
        var e = Assert.Throws<ConverterConfigException>(() => JsonConverterConfig.Parse(new Dictionary<string, string> { [key] = value }));
        Assert.Equal(message, e.Message);
        Assert.Equal(key, e.ConfigName);
    }

    [Fact]
    public void CacheSizeZero_DisablesCaching()
    {
        var converter = new JsonConverter();
        converter.Configure(new Dictionary<string, string> { ["schemas.cache.size"] = "0" }, false);

        converter.FromConnectData("t", Serverless.Connect.Data.Schema.Int32Schema, 1);

        Assert.Equal(0, converter.FromConnectCacheCount);
    }

    [Fact]
    public void CacheSize_BoundsTheCache()
    {
        var converter = new JsonConverter(new JsonConverterConfig { SchemasCacheSize = 2 });
        for (var i = 0; i < 5; i++)
        {
            converter.FromConnectData("t", Serverless.Connect.Data.SchemaBuilder.Int32().Version(i).Build(), 1);
        }

        Assert.Equal(2, converter.FromConnectCacheCount);
    }
}
