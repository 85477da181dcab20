using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>
/// One item of the reader's output: a record to produce, or (when <see cref="Record"/> is null) a marker that every
/// record at or below <see cref="Lsn"/> has been emitted, so that position may be acknowledged once they are delivered.
/// </summary>
/// <param name="Record">The Debezium change event, tombstone, heartbeat or transaction event; null for a marker.</param>
/// <param name="Lsn">The position acknowledging this item makes safe: the end LSN of the record's transaction.</param>
public sealed record PostgresSourceRecord(ConnectRecord? Record, ulong Lsn)
{
    /// <summary>Gets a value indicating whether this item is a position marker rather than a record.</summary>
    public bool IsMarker => Record is null;
}
