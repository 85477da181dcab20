using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>The <c>field.syntax.version</c> setting shared by the transforms that accept nested field paths.</summary>
internal static class FieldSyntax
{
    public const string FieldSyntaxVersionConfig = "field.syntax.version";

    public const string FieldSyntaxVersionDefault = "V1";

    private const string FieldSyntaxVersionDoc =
        "How field names are read. V1 (the default): a name is a top-level field, even if it contains dots. " +
        "V2: dots separate nested fields, and a name wrapped in backticks (`a.b`) may contain dots.";

    /// <summary>Adds <c>field.syntax.version</c> (STRING, default V1, case-insensitive V1/V2, HIGH).</summary>
    public static ConfigDef DefineFieldSyntaxVersion(this ConfigDef definition) =>
        definition.Define(
            FieldSyntaxVersionConfig,
            ConfigType.String,
            FieldSyntaxVersionDefault,
            CaseInsensitiveValidString.In(nameof(FieldSyntaxVersion.V1), nameof(FieldSyntaxVersion.V2)),
            Importance.High,
            FieldSyntaxVersionDoc);

    /// <summary>Kafka's <c>FieldSyntaxVersion.fromConfig</c>.</summary>
    public static FieldSyntaxVersion FromConfig(ParsedConfig config)
    {
        var text = config.GetString(FieldSyntaxVersionConfig);
        return text?.ToUpperInvariant() switch
        {
            "V1" => FieldSyntaxVersion.V1,
            "V2" => FieldSyntaxVersion.V2,
            _ => throw new ConfigException(FieldSyntaxVersionConfig, text, "Unrecognized field syntax version"),
        };
    }
}
