using System.Collections.Concurrent;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Data;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.CdcReader;

/// <summary>
/// What a connector counts for <c>GET /metrics</c>: records polled from the source, snapshot progress per table, and
/// the slot's lag (filled in by the host's periodic slot query). Written by the produce loop, read by the exporter.
/// </summary>
public sealed class CdcConnectorMetrics
{
    private readonly ConcurrentDictionary<string, long> _rowsScanned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _rowsEstimated = new(StringComparer.Ordinal);
    private long _polled;
    private long _reconnects;
    private long _replaysSkipped;
    private long _slotLagBytes = -1;
    private volatile bool _snapshotRunning;
    private volatile bool _snapshotCompleted;
    private bool _streaming;

    /// <summary>Gets the number of records read from the source (change events, tombstones, heartbeats, transaction events).</summary>
    public long PolledCount => Interlocked.Read(ref _polled);

    /// <summary>Gets how often the connector restarted its streaming session after a connection-level failure.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>
    /// Gets the records re-read after a reconnect (the slot resumed behind what Kafka had acknowledged) and skipped
    /// because this process had already delivered them.
    /// </summary>
    public long ReplaysSkipped => Interlocked.Read(ref _replaysSkipped);

    /// <summary>Gets a value indicating whether a snapshot is being read now.</summary>
    public bool SnapshotRunning => _snapshotRunning;

    /// <summary>Gets a value indicating whether this run read a snapshot to its end.</summary>
    public bool SnapshotCompleted => _snapshotCompleted;

    /// <summary>Gets the snapshot rows read so far, by <c>schema.table</c>.</summary>
    public IReadOnlyDictionary<string, long> SnapshotRowsScanned => _rowsScanned;

    /// <summary>Gets each captured table's estimated row count (<c>pg_class.reltuples</c>), by <c>schema.table</c>.</summary>
    public IReadOnlyDictionary<string, long> SnapshotRowsEstimated => _rowsEstimated;

    /// <summary>Gets the WAL bytes between the server's current position and the slot's <c>confirmed_flush_lsn</c>; -1 before the first query.</summary>
    public long SlotLagBytes => Interlocked.Read(ref _slotLagBytes);

    internal void SetSlotLag(long bytes) => Interlocked.Exchange(ref _slotLagBytes, bytes);

    internal void OnReconnect() => Interlocked.Increment(ref _reconnects);

    internal void OnReplaySkipped(PostgresSourceRecord item)
    {
        if (item.Record is not null)
        {
            Interlocked.Increment(ref _replaysSkipped);
        }
    }

    internal void SetEstimates(IReadOnlyDictionary<string, long> estimates)
    {
        foreach (var (table, rows) in estimates)
        {
            _rowsEstimated[table] = rows;
        }
    }

    internal void OnPolled(ConnectRecord record)
    {
        Interlocked.Increment(ref _polled);

        // Snapshot reads all come before the first streamed change, so the op is only looked at until then.
        if (_streaming)
        {
            return;
        }

        if (ChangeEventFields.Op(record) is not { } op)
        {
            return;
        }

        if (op != "r")
        {
            _streaming = true;
            _snapshotRunning = false;
            return;
        }

        _snapshotRunning = true;
        if (ChangeEventFields.Table(record) is { } table)
        {
            _rowsScanned.AddOrUpdate(table.Schema + "." + table.Table, 1, (_, n) => n + 1);
        }
    }

    internal void OnMarker(PostgresSourceRecord marker)
    {
        if (marker.EndsSnapshot)
        {
            _snapshotRunning = false;
            _snapshotCompleted = true;
        }
    }
}
