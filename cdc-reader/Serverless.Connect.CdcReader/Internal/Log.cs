using Microsoft.Extensions.Logging;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>Source-generated log messages of the CDC reader.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Connector {Connector}: Kafka producer queue full; pausing WAL reading")]
    public static partial void ProducerQueueFull(ILogger logger, string connector);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Connector {Connector}: delivery to {Topic} failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string connector, string topic, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Connector {Connector}: Kafka did not acknowledge every record before the flush timeout")]
    public static partial void FlushTimedOut(ILogger logger, string connector);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Starting connector {Connector}")]
    public static partial void Starting(ILogger logger, string connector);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Connector {Connector} failed")]
    public static partial void ConnectorFailed(ILogger logger, string connector, Exception exception);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Connector {Connector}: cannot read source offsets from {Topic} ({Reason}); retrying")]
    public static partial void OffsetReadFailed(ILogger logger, string connector, string topic, string reason);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "Connector {Connector}: source offsets in {Topic}: {Offset}")]
    public static partial void OffsetsRead(ILogger logger, string connector, string topic, string offset);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Information, Message = "Connector {Connector}: every snapshot record acknowledged; snapshot completion stored in {Topic}")]
    public static partial void SnapshotOffsetStored(ILogger logger, string connector, string topic);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Warning, Message = "Connector {Connector}: storing source offsets in {Topic} failed or timed out; a snapshot whose completion is not stored is taken again on the next start")]
    public static partial void OffsetWriteFailed(ILogger logger, string connector, string topic, Exception? exception);

    [LoggerMessage(EventId = 4209, Level = LogLevel.Warning, Message = "Connector {Connector}: {Error}; restarting in {DelayMs} ms (retry {Attempt} of {MaxRetries}, errors.max.retries); streaming resumes at the slot's confirmed_flush_lsn (last confirmed {ConfirmedLsn})")]
    public static partial void RestartingAfterRetriableError(ILogger logger, string connector, string error, int attempt, string maxRetries, long delayMs, string confirmedLsn);
}
