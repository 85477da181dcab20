using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Connect;

/// <summary>The typed <c>errors.*</c> settings of a connector.</summary>
/// <param name="RetryTimeoutMs">How long to retry; 0 none, -1 forever.</param>
/// <param name="RetryDelayMaxMs">The cap on the retry backoff.</param>
/// <param name="Tolerance">Whether failing records fail the task or are skipped.</param>
/// <param name="LogEnable">Whether to log each error.</param>
/// <param name="LogIncludeMessages">Whether error logs include record contents.</param>
/// <param name="DeadLetterQueueTopic">The DLQ topic, or null when disabled (sources never have one).</param>
/// <param name="DeadLetterQueueReplicationFactor">The DLQ topic's replication factor.</param>
/// <param name="DeadLetterQueueContextHeaders">Whether DLQ records get <c>__connect.errors.*</c> headers.</param>
public sealed record ErrorHandlingConfig(
    long RetryTimeoutMs,
    long RetryDelayMaxMs,
    ToleranceType Tolerance,
    bool LogEnable,
    bool LogIncludeMessages,
    string? DeadLetterQueueTopic,
    short DeadLetterQueueReplicationFactor,
    bool DeadLetterQueueContextHeaders)
{
    /// <summary>Reads the settings from a configuration parsed with <see cref="ConnectConfigDefs"/>.</summary>
    /// <param name="config">The parsed configuration (sink or source definition).</param>
    /// <returns>The typed settings; sink-only settings take their defaults when the definition lacks them.</returns>
    public static ErrorHandlingConfig From(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var isSink = config.Definition.Keys.ContainsKey(ConnectConfigDefs.DlqTopicName);
        var dlq = isSink ? config.GetString(ConnectConfigDefs.DlqTopicName) : null;
        return new ErrorHandlingConfig(
            config.GetLong(ConnectConfigDefs.ErrorsRetryTimeout),
            config.GetLong(ConnectConfigDefs.ErrorsRetryDelayMaxMs),
            string.Equals(config.GetString(ConnectConfigDefs.ErrorsTolerance), "all", StringComparison.OrdinalIgnoreCase) ? ToleranceType.All : ToleranceType.None,
            config.GetBoolean(ConnectConfigDefs.ErrorsLogEnable),
            config.GetBoolean(ConnectConfigDefs.ErrorsLogIncludeMessages),
            string.IsNullOrEmpty(dlq) ? null : dlq,
            isSink ? config.GetShort(ConnectConfigDefs.DlqTopicReplicationFactor) : (short)3,
            isSink && config.GetBoolean(ConnectConfigDefs.DlqContextHeadersEnable));
    }
}
