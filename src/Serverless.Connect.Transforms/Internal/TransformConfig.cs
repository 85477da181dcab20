using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's <c>SimpleConfig</c> for transforms, plus the keys several transforms share.</summary>
internal static class TransformConfig
{
    public const string ReplaceNullWithDefaultConfig = "replace.null.with.default";

    private const string ReplaceNullWithDefaultDoc =
        "When true (the default), a null field that has a schema default is read as that default; when false it stays null.";

    /// <summary>
    /// Parses <paramref name="props"/> and throws the first problem as a <see cref="ConfigException"/> with Kafka's text,
    /// as <c>new SimpleConfig(CONFIG_DEF, props)</c> does (Kafka stops at the first invalid key, in definition order).
    /// </summary>
    public static ParsedConfig Parse(ConfigDef definition, IReadOnlyDictionary<string, string> props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var result = definition.Validate(props);
        if (result.Errors.Count > 0 || result.Config is null)
        {
            var first = result.Errors[0];
            throw new ConfigException(first.Message) { Key = first.Key };
        }

        return result.Config;
    }

    /// <summary>Adds <c>replace.null.with.default</c> (BOOLEAN, default true, MEDIUM).</summary>
    public static ConfigDef DefineReplaceNullWithDefault(this ConfigDef definition) =>
        definition.Define(ReplaceNullWithDefaultConfig, ConfigType.Boolean, true, Importance.Medium, ReplaceNullWithDefaultDoc);
}
