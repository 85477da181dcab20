using Serverless.Connect.Converters.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters;

/// <summary>The settings of <see cref="JsonConverter"/>, parsed from Kafka's <c>JsonConverterConfig</c> keys.</summary>
public sealed record JsonConverterConfig
{
    /// <summary>Whether to use the <c>{"schema":…,"payload":…}</c> envelope (default <c>true</c>).</summary>
    public const string SchemasEnableConfig = "schemas.enable";

    /// <summary>Maximum number of schemas cached in each direction (default 1000).</summary>
    public const string SchemasCacheSizeConfig = "schemas.cache.size";

    /// <summary><c>BASE64</c> (default) or <c>NUMERIC</c>, case-insensitive.</summary>
    public const string DecimalFormatConfig = "decimal.format";

    /// <summary>Whether a null value with a schema default is written/read as the default (default <c>true</c>).</summary>
    public const string ReplaceNullWithDefaultConfig = "replace.null.with.default";

    /// <summary>Gets the default configuration.</summary>
    public static JsonConverterConfig Default { get; } = new();

    /// <summary>Gets a value indicating whether the schema envelope is used.</summary>
    public bool SchemasEnabled { get; init; } = true;

    /// <summary>Gets the schema cache size.</summary>
    public int SchemasCacheSize { get; init; } = 1000;

    /// <summary>Gets the decimal format.</summary>
    public DecimalFormat DecimalFormat { get; init; } = DecimalFormat.Base64;

    /// <summary>Gets a value indicating whether nulls are replaced with schema defaults.</summary>
    public bool ReplaceNullWithDefault { get; init; } = true;

    /// <summary>Parses converter settings (keys without the <c>key.converter.</c>/<c>value.converter.</c> prefix).</summary>
    /// <param name="configs">The settings; unknown keys are ignored.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConverterConfigException">A value is invalid.</exception>
    public static JsonConverterConfig Parse(IReadOnlyDictionary<string, string> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var decimalFormat = ConfigValues.GetString(configs, DecimalFormatConfig, "BASE64");
        return new JsonConverterConfig
        {
            SchemasEnabled = ConfigValues.GetBoolean(configs, SchemasEnableConfig, true),
            SchemasCacheSize = ConfigValues.GetInt32(configs, SchemasCacheSizeConfig, 1000, minimum: 0),
            ReplaceNullWithDefault = ConfigValues.GetBoolean(configs, ReplaceNullWithDefaultConfig, true),
            DecimalFormat = decimalFormat.ToUpperInvariant() switch
            {
                "BASE64" => DecimalFormat.Base64,
                "NUMERIC" => DecimalFormat.Numeric,
                _ => throw new ConverterConfigException(DecimalFormatConfig, decimalFormat, "String must be one of (case insensitive): BASE64, NUMERIC"),
            },
        };
    }
}
