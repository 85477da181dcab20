using Prometheus;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format (prometheus-net, own registry): Connect's source-task metrics under
/// their JMX-exporter names (<c>kafka_connect_source_task_*{connector,task}</c>) and Debezium-style streaming and
/// snapshot metrics (<c>debezium_postgres_*{connector}</c>). The cdc-reader README lists every name.
/// </summary>
internal sealed class CdcMetricsExporter : IDisposable
{
    private static readonly string[] s_task = ["connector", "task"];
    private static readonly string[] s_connector = ["connector"];
    private static readonly string[] s_table = ["connector", "table"];

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IReadOnlyList<CdcConnector> _connectors;
    private readonly TimeProvider _time;
    private readonly Dictionary<CdcConnector, (RateWindow Poll, RateWindow Write)> _rates = [];
    private readonly Lock _sampleLock = new();
    private readonly Counter _pollTotal;
    private readonly Gauge _pollRate;
    private readonly Counter _writeTotal;
    private readonly Gauge _writeRate;
    private readonly Gauge _activeCount;
    private readonly Gauge _standby;
    private readonly Counter _reconnects;
    private readonly Counter _replaysSkipped;
    private readonly Gauge _lagBytes;
    private readonly Gauge _acknowledgedLsn;
    private readonly Gauge _confirmedLsn;
    private readonly Gauge _outboxDeleted;
    private readonly Gauge _snapshotRunning;
    private readonly Gauge _snapshotCompleted;
    private readonly Gauge _rowsScanned;
    private readonly Gauge _rowsEstimated;
    private readonly System.Threading.ITimer _sampler;

    public CdcMetricsExporter(IReadOnlyList<CdcConnector> connectors, TimeProvider time)
    {
        _connectors = connectors;
        _time = time;
        var factory = Metrics.WithCustomRegistry(_registry);
        _pollTotal = factory.CreateCounter("kafka_connect_source_task_source_record_poll_total", "Records read from PostgreSQL (Connect's source-record-poll-total).", s_task);
        _pollRate = factory.CreateGauge("kafka_connect_source_task_source_record_poll_rate", "Records read per second over the last 30 s (source-record-poll-rate).", s_task);
        _writeTotal = factory.CreateCounter("kafka_connect_source_task_source_record_write_total", "Records acknowledged by Kafka (source-record-write-total).", s_task);
        _writeRate = factory.CreateGauge("kafka_connect_source_task_source_record_write_rate", "Records acknowledged per second over the last 30 s (source-record-write-rate).", s_task);
        _activeCount = factory.CreateGauge("kafka_connect_source_task_source_record_active_count", "Records produced and not yet acknowledged (source-record-active-count).", s_task);
        _standby = factory.CreateGauge("debezium_postgres_standby", "1 while this reader is a hot standby waiting for the slot.", s_connector);
        _reconnects = factory.CreateCounter("debezium_postgres_reconnects_total", "Streaming sessions restarted after a lost PostgreSQL connection (errors.max.retries).", s_connector);
        _replaysSkipped = factory.CreateCounter("debezium_postgres_reconnect_replays_skipped_total", "Records re-read after a reconnect and skipped: Kafka had acknowledged them already.", s_connector);
        _lagBytes = factory.CreateGauge("debezium_postgres_slot_lag_bytes", "pg_current_wal_lsn() - confirmed_flush_lsn of the slot (-1 until first read).", s_connector);
        _acknowledgedLsn = factory.CreateGauge("debezium_postgres_acknowledged_lsn", "Highest LSN whose records Kafka has all acknowledged.", s_connector);
        _confirmedLsn = factory.CreateGauge("debezium_postgres_confirmed_lsn", "Highest LSN confirmed to PostgreSQL as flushed.", s_connector);
        _outboxDeleted = factory.CreateGauge("debezium_postgres_outbox_rows_deleted", "Outbox rows deleted by serverless.outbox.cleanup.", s_connector);
        _snapshotRunning = factory.CreateGauge("debezium_postgres_snapshot_running", "1 while a snapshot is being read.", s_connector);
        _snapshotCompleted = factory.CreateGauge("debezium_postgres_snapshot_completed", "1 once a snapshot was read to its end (this run or, per the stored offsets, an earlier one).", s_connector);
        _rowsScanned = factory.CreateGauge("debezium_postgres_snapshot_rows_scanned", "Snapshot rows read so far per table (Debezium's RowsScanned).", s_table);
        _rowsEstimated = factory.CreateGauge("debezium_postgres_snapshot_rows_estimated", "Estimated rows per captured table (pg_class.reltuples).", s_table);
        foreach (var connector in connectors)
        {
            _rates[connector] = (new RateWindow(), new RateWindow());
        }

        _registry.AddBeforeCollectCallback(Update);
        _sampler = time.CreateTimer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public Task ExportAsync(Stream destination) => _registry.CollectAndExportAsTextAsync(destination);

    public void Dispose() => _sampler.Dispose();

    private void Sample()
    {
        var now = _time.GetUtcNow();
        lock (_sampleLock)
        {
            foreach (var connector in _connectors)
            {
                var name = connector.Source.Config.Name;
                var (poll, write) = _rates[connector];
                _pollRate.WithLabels(name, "0").Set(poll.Sample(now, connector.Metrics.PolledCount));
                _writeRate.WithLabels(name, "0").Set(write.Sample(now, connector.DeliveredCount));
            }
        }
    }

    private void Update()
    {
        foreach (var connector in _connectors)
        {
            var name = connector.Source.Config.Name;
            var metrics = connector.Metrics;
            _pollTotal.WithLabels(name, "0").IncTo(metrics.PolledCount);
            _writeTotal.WithLabels(name, "0").IncTo(connector.DeliveredCount);
            _activeCount.WithLabels(name, "0").Set(connector.InFlight);
            _standby.WithLabels(name).Set(connector.Status.State == CdcConnectorState.Standby ? 1 : 0);
            _reconnects.WithLabels(name).IncTo(metrics.Reconnects);
            _replaysSkipped.WithLabels(name).IncTo(metrics.ReplaysSkipped);
            _lagBytes.WithLabels(name).Set(metrics.SlotLagBytes);
            _acknowledgedLsn.WithLabels(name).Set(connector.SafeLsn);
            _confirmedLsn.WithLabels(name).Set(connector.Source.ConfirmedLsn);
            _outboxDeleted.WithLabels(name).Set(connector.OutboxRowsDeleted);
            _snapshotRunning.WithLabels(name).Set(metrics.SnapshotRunning ? 1 : 0);
            _snapshotCompleted.WithLabels(name).Set(metrics.SnapshotCompleted || connector.Source.SnapshotCompletedInOffsets == true ? 1 : 0);
            foreach (var (table, rows) in metrics.SnapshotRowsScanned)
            {
                _rowsScanned.WithLabels(name, table).Set(rows);
            }

            foreach (var (table, rows) in metrics.SnapshotRowsEstimated)
            {
                _rowsEstimated.WithLabels(name, table).Set(rows);
            }
        }
    }
}
