using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Text;
using Serverless.Connect.Transforms.Chain.Internal;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>Kafka's <c>TimestampRouter</c>: sets the topic from <c>topic.format</c>, the old topic and the record timestamp.</summary>
/// <remarks>
/// <c>${topic}</c> and then <c>${timestamp}</c> are replaced literally; the timestamp is formatted with the
/// <c>java.text.SimpleDateFormat</c> pattern <c>timestamp.format</c> in UTC. Unlike Kafka, which fails on the first record,
/// an invalid <c>timestamp.format</c> is rejected by <see cref="Configure"/>.
/// </remarks>
public sealed class TimestampRouter : ITransformation
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.TimestampRouter";

    /// <summary>The <c>topic.format</c> setting.</summary>
    public const string TopicFormatConfig = "topic.format";

    /// <summary>The <c>timestamp.format</c> setting.</summary>
    public const string TimestampFormatConfig = "timestamp.format";

    /// <summary>The default <c>timestamp.format</c>.</summary>
    public const string DefaultTimestampFormat = "yyyyMMdd";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(TopicFormatConfig, ConfigType.String, JavaTemplate.TimestampRouterDefaultFormat, Importance.High,
            "Format string which can contain ${topic} and ${timestamp} as placeholders for the topic and timestamp, respectively.")
        .Define(TimestampFormatConfig, ConfigType.String, DefaultTimestampFormat, Importance.High,
            "Format string for the timestamp that is compatible with java.text.SimpleDateFormat.");

    private Settings? _settings;

    /// <summary>The settings Kafka defines for this transformation (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(s_configDef, config);
        var pattern = parsed.GetString(TimestampFormatConfig)!;
        JavaSimpleDateFormat format;
        try
        {
            format = new JavaSimpleDateFormat(pattern, TimeZoneInfo.Utc);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(TimestampFormatConfig, pattern, e.Message);
        }

        _settings = new Settings(parsed.GetString(TopicFormatConfig)!, format);
    }

    /// <inheritdoc/>
    /// <exception cref="DataException">The record has no timestamp.</exception>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var settings = _settings ?? throw NotConfigured.For(ClassName);
        if (record.Timestamp is not { } timestamp)
        {
            throw new DataException("Timestamp missing on record: " + record);
        }

        var formatted = settings.Format.Format(timestamp);
        return record with { Topic = JavaTemplate.TimestampRouterTopic(settings.TopicFormat, record.Topic, formatted) };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed record Settings(string TopicFormat, JavaSimpleDateFormat Format);
}
