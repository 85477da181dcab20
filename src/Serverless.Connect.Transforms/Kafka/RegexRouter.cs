using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Text;
using Serverless.Connect.Transforms.Chain.Internal;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>Kafka's <c>RegexRouter</c>: renames the topic when the whole topic matches <c>regex</c>.</summary>
/// <remarks>
/// As in Kafka, the topic must match entirely (Java's <c>Matcher.matches()</c>); the new topic is then
/// <c>Matcher.replaceFirst(replacement)</c> with Java's replacement syntax (<c>$1</c>, <c>${name}</c>, <c>\$</c> for a
/// literal dollar). A replacement naming a group the pattern lacks fails on the first matching record, as in Java.
/// </remarks>
public sealed class RegexRouter : ITransformation
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.RegexRouter";

    /// <summary>The <c>regex</c> setting: the Java regular expression (required).</summary>
    public const string RegexConfig = "regex";

    /// <summary>The <c>replacement</c> setting: the Java replacement string (required).</summary>
    public const string ReplacementConfig = "replacement";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(RegexConfig, ConfigType.String, ConfigDef.NoDefaultValue, JavaRegexValidator.Instance, Importance.High,
            "Regular expression to use for matching.")
        .Define(ReplacementConfig, ConfigType.String, ConfigDef.NoDefaultValue, Importance.High, "Replacement string.");

    private Settings? _settings;

    /// <summary>The settings Kafka defines for this transformation (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(s_configDef, config);
        _settings = new Settings(JavaRegex.Get(parsed.GetString(RegexConfig)!), parsed.GetString(ReplacementConfig)!);
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var settings = _settings ?? throw NotConfigured.For(ClassName);
        if (!settings.Regex.Matches(record.Topic))
        {
            return record;
        }

        // Java's replaceFirst searches again from the start, which can pick a shorter match than matches() did.
        return record with { Topic = settings.Regex.ReplaceFirst(record.Topic, settings.Replacement) };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed record Settings(JavaRegex Regex, string Replacement);
}
