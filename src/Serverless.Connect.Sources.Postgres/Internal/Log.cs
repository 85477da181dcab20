using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Source-generated log messages of the PostgreSQL source.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Connector {Connector}: created replication slot {Slot} at {Lsn}")]
    public static partial void SlotCreated(ILogger logger, string connector, string slot, string lsn);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Connector {Connector}: snapshot of {Tables} table(s) finished, {Rows} row(s)")]
    public static partial void SnapshotFinished(ILogger logger, string connector, int tables, long rows);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Connector {Connector}: streaming from slot {Slot}")]
    public static partial void StreamingStarted(ILogger logger, string connector, string slot);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Connector {Connector}: confirmed flush LSN {Lsn}")]
    public static partial void Confirmed(ILogger logger, string connector, string lsn);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Connector {Connector}: dropped replication slot {Slot} on stop")]
    public static partial void SlotDropped(ILogger logger, string connector, string slot);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Connector {Connector}: heartbeat failed")]
    public static partial void HeartbeatFailed(ILogger logger, string connector, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Connector {Connector}: stopped before every record was acknowledged; unacknowledged changes are re-sent after restart")]
    public static partial void DrainTimedOut(ILogger logger, string connector);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Connector {Connector}: replication slot {Slot} exists but the source offsets record no completed snapshot; dropping the slot and snapshotting again")]
    public static partial void SnapshotIncomplete(ILogger logger, string connector, string slot);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Connector {Connector}: replication slot {Slot} does not exist although the source offsets hold LSN {Lsn}; creating it and snapshotting again (changes in between arrive as the rows' current state; deletes in between are not replayed)")]
    public static partial void SlotMissingResnapshot(ILogger logger, string connector, string slot, string lsn);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Connector {Connector}: the source offsets record a completed snapshot; initial_only has nothing to do")]
    public static partial void SnapshotAlreadyCompleted(ILogger logger, string connector);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "Connector {Connector}: status update failed ({Error}: {Reason}); the replication connection is lost")]
    public static partial void StatusUpdateFailed(ILogger logger, string connector, string error, string reason);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Warning, Message = "Connector {Connector}: slot {Slot} had not applied the final confirmed LSN {Lsn} 5 s after the stop; the next start re-sends the changes after the slot's position (at-least-once)")]
    public static partial void FinalConfirmationPending(ILogger logger, string connector, string slot, string lsn);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Warning, Message = "Connector {Connector}: could not check that slot {Slot} applied the final confirmed LSN {Lsn} ({Error}: {Reason}); the next start may re-send the changes after the slot's position")]
    public static partial void FinalConfirmationUnchecked(ILogger logger, string connector, string slot, string lsn, string error, string reason);
}
