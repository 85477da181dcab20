using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Text;
using Serverless.Connect.Transforms.Chain.Internal;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Predicates;

/// <summary>Kafka's <c>TopicNameMatches</c> predicate: true when the whole topic name matches a Java regular expression.</summary>
/// <remarks>The pattern must match the entire topic (Java's <c>Matcher.matches()</c>), not just a part of it.</remarks>
public sealed class TopicNameMatches : IPredicate
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.predicates.TopicNameMatches";

    /// <summary>The <c>pattern</c> setting: the Java regular expression (required).</summary>
    public const string PatternConfig = "pattern";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(
            PatternConfig,
            ConfigType.String,
            ConfigDef.NoDefaultValue,
            CompositeValidator.Of(new NonEmptyString(), JavaRegexValidator.Instance),
            Importance.Medium,
            "A Java regular expression for matching against the name of a record's topic.");

    private JavaRegex? _pattern;

    /// <summary>The settings Kafka defines for this predicate (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(s_configDef, config);
        var value = parsed.GetString(PatternConfig)!;
        if (!JavaRegexValidator.TryCompile(value, out var regex, out var error))
        {
            throw new ConfigException(PatternConfig, value, "entry must be a Java-compatible regular expression: " + error);
        }

        _pattern = regex;
    }

    /// <inheritdoc/>
    public bool Test(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pattern = _pattern ?? throw NotConfigured.For(ClassName);
        return pattern.Matches(record.Topic);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => $"TopicNameMatches{{pattern={_pattern}}}";
}
