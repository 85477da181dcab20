using Microsoft.Extensions.Logging;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>Log messages of the standby, status and outbox-cleanup parts of the CDC reader.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4220, Level = LogLevel.Information, Message = "Connector {Connector}: replication slot {Slot} is active (walsender pid {Pid}); standing by as a hot standby, checking every {IntervalMs} ms")]
    public static partial void StandingBy(ILogger logger, string connector, string slot, int pid, long intervalMs);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Warning, Message = "Connector {Connector}: replication slot {Slot} was released; taking over")]
    public static partial void TakingOver(ILogger logger, string connector, string slot);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Information, Message = "Connector {Connector}: another reader took replication slot {Slot} first; standing by again")]
    public static partial void SlotTakenByAnother(ILogger logger, string connector, string slot);

    [LoggerMessage(EventId = 4223, Level = LogLevel.Debug, Message = "Connector {Connector}: deleted {Count} acknowledged outbox row(s) from {Table}")]
    public static partial void OutboxRowsDeleted(ILogger logger, string connector, int count, string table);

    [LoggerMessage(EventId = 4224, Level = LogLevel.Warning, Message = "Connector {Connector}: deleting acknowledged outbox rows from {Table} failed; retrying later")]
    public static partial void OutboxDeleteFailed(ILogger logger, string connector, string table, Exception exception);

    [LoggerMessage(EventId = 4225, Level = LogLevel.Warning, Message = "Connector {Connector}: outbox row of {Table} has a key value of type {Type} that cleanup cannot compare; the row is left in place")]
    public static partial void OutboxKeyUnsupported(ILogger logger, string connector, string table, string type);

    [LoggerMessage(EventId = 4226, Level = LogLevel.Warning, Message = "Connector {Connector}: reading slot metrics failed")]
    public static partial void SlotMetricsFailed(ILogger logger, string connector, Exception exception);
}
