using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Runtime.Sinks;

/// <content>Log messages.</content>
public sealed partial class SinkBatchProcessor
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Record {Topic}-{Partition}@{Offset} was not written ({Reason}); no errant record reporter is configured")]
    private static partial void LogPutFailureNotReported(ILogger logger, string topic, int partition, long offset, string reason);
}
