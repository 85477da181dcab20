using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Source-generated log messages of the Elasticsearch sink.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Bulk request of {Count} operations to {Url} failed transiently (attempt {Attempt}): {Reason}")]
    public static partial void BulkRetry(ILogger logger, int count, Uri url, int attempt, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "{Count} bulk items rejected transiently (attempt {Attempt}), first: {Reason}")]
    public static partial void ItemsRetry(ILogger logger, int count, int attempt, string? reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Count} operations still failing after {Retries} retries; they are reported as retriable: {Reason}")]
    public static partial void RetriesExhausted(ILogger logger, int count, int retries, string? reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Malformed document {Index}/{Id} (topic {Topic}, partition {Partition}, offset {Offset}): {Error}")]
    public static partial void MalformedWarn(ILogger logger, string index, string? id, string topic, int? partition, long offset, string? error);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Malformed document {Index}/{Id} (topic {Topic}, partition {Partition}, offset {Offset}): {Error}")]
    public static partial void MalformedIgnore(ILogger logger, string index, string? id, string topic, int? partition, long offset, string? error);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Elasticsearch rejected bulk request: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);
}
