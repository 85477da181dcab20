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

    /// <summary>
    /// Gets a value indicating whether this marker ends a snapshot: once every record at or below <see cref="Lsn"/> is
    /// delivered, the snapshot is complete and the consumer should record that in its source offsets.
    /// </summary>
    public bool EndsSnapshot { get; init; }

    /// <summary>Gets the snapshot transaction's id on a marker that ends a snapshot (Debezium's <c>txId</c> offset); otherwise null.</summary>
    public long? SnapshotTransactionId { get; init; }
}
