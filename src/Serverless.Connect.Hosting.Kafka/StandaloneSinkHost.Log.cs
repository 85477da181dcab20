using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Hosting.Kafka;

/// <content>Log messages (event ids 5100–5199).</content>
public sealed partial class StandaloneSinkHost
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Sink task {Connector}-0 started: group {GroupId}, topics {Topics}")]
    private static partial void LogStarted(ILogger logger, string connector, string groupId, string topics);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    private static partial void LogAssigned(ILogger logger, string partitions);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Partitions revoked: {Partitions}")]
    private static partial void LogRevoked(ILogger logger, string partitions);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Partitions lost (not committing them): {Partitions}")]
    private static partial void LogLost(ILogger logger, string partitions);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Kafka consumer error {Code}: {Reason}")]
    private static partial void LogConsumerError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Offset commit failed, retrying with the next commit: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, Exception error, string reason);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Redelivering {Topic}-{Partition} from offset {Offset} after a backoff: the sink left it retriable")]
    private static partial void LogRedelivery(ILogger logger, string topic, int partition, long offset);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "WorkerSinkTask{{id={Connector}-0}} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted")]
    private static partial void LogTaskFailed(ILogger logger, Exception error, string connector);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "Shutdown timeout: abandoned a batch of {Count} records; they are not committed and will be consumed again")]
    private static partial void LogDrainAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "Consumer setting '{Key}' (consumer.{Key} or consumer.override.{Key}) is not applied: librdkafka has no equivalent")]
    private static partial void LogConsumerKeyIgnored(ILogger logger, string key);
}
