using System.Text.Json.Nodes;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>The Debezium PostgreSQL offset map (<c>PostgresOffsetContext</c>) this reader writes and how it is interpreted.</summary>
internal static class SourceOffsets
{
    /// <summary>
    /// The offset Debezium stores with the last snapshot record (<c>snapshot</c> + <c>last_snapshot_record=true</c>),
    /// plus the newer <c>snapshot_completed</c> marker other Debezium connectors use, written once every snapshot record
    /// is acknowledged by Kafka.
    /// </summary>
    public static JsonObject SnapshotCompleted(ulong lsn, long? txId, DateTimeOffset now)
    {
        var offset = new JsonObject { ["ts_usec"] = (now - DateTimeOffset.UnixEpoch).Ticks / 10 };
        if (txId is { } id)
        {
            offset["txId"] = id;
        }

        offset["lsn"] = lsn;
        offset["snapshot"] = true;
        offset["last_snapshot_record"] = true;
        offset["snapshot_completed"] = true;
        return offset;
    }

    /// <summary>
    /// A streaming offset (no <c>snapshot</c> key): <c>lsn</c>, <c>lsn_proc</c> and <c>lsn_commit</c> are the end LSN of
    /// the last transaction whose records Kafka has all acknowledged.
    /// </summary>
    public static JsonObject Streaming(ulong lsn, DateTimeOffset now) => new()
    {
        ["ts_usec"] = (now - DateTimeOffset.UnixEpoch).Ticks / 10,
        ["lsn"] = lsn,
        ["lsn_proc"] = lsn,
        ["lsn_commit"] = lsn,
    };

    /// <summary>
    /// Whether a stored offset records a completed snapshot, as Debezium's loader reads it: no offset means no snapshot;
    /// an offset written while a snapshot ran (<c>snapshot=true</c>) counts only with <c>last_snapshot_record</c> or
    /// <c>snapshot_completed</c>; any streaming offset (no <c>snapshot</c> key) implies the snapshot was done or not wanted.
    /// </summary>
    public static bool IsSnapshotCompleted(JsonObject? offset)
    {
        if (offset is null)
        {
            return false;
        }

        return !IsTrue(offset["snapshot"]) || IsTrue(offset["last_snapshot_record"]) || IsTrue(offset["snapshot_completed"]);
    }

    /// <summary>The stored position (<c>lsn</c>, a number as Debezium writes it), or null when there is no offset or no position.</summary>
    public static ulong? Lsn(JsonObject? offset) =>
        offset?["lsn"] is JsonValue value && value.TryGetValue<ulong>(out var lsn) && lsn > 0 ? lsn : null;

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue value && ((value.TryGetValue<bool>(out var flag) && flag)
            || (value.TryGetValue<string>(out var text) && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)));
}
