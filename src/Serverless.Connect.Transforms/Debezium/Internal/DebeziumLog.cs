using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The warnings and errors Debezium's SMTs log, as source-generated logger messages.</summary>
internal static partial class DebeziumLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "The deleted record handling configs \"drop.tombstones\" and \"delete.handling.mode\" have been deprecated, please use \"delete.tombstone.handling.mode\" instead of.")]
    public static partial void LegacyDeleteHandling(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Unexpected update message received {Key} and ignored")]
    public static partial void UnexpectedUpdateWarn(ILogger logger, string key);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Unexpected update message received {Key} and ignored")]
    public static partial void UnexpectedUpdateError(ILogger logger, string key);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "JSON expansion of the '{Field}' field failed; keeping it as an unexpanded string. Cause: {Reason}")]
    public static partial void JsonExpansionFailed(ILogger logger, string field, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Expand JSON payload is turned on but payload is not a string in {Key}")]
    public static partial void PayloadNotString(ILogger logger, string key);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Delete message {Key} ignored")]
    public static partial void OutboxDeleteIgnored(ILogger logger, string key);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "Tombstone message ignored. Message key: \"{Key}\"")]
    public static partial void OutboxTombstoneIgnored(ILogger logger, string key);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning,
        Message = "route.by.field is not set and the outbox row has no '{DefaultField}' column; routing by table.field.event.type '{EventTypeField}' instead. " +
                  "Debezium 2.7 fails this record with \"{DefaultField} is not a valid field name\"; set route.by.field explicitly to silence this warning.")]
    public static partial void RouteByEventTypeFallback(ILogger logger, string defaultField, string eventTypeField);
}
