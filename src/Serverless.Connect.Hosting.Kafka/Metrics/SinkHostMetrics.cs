using System.Globalization;

namespace Serverless.Connect.Hosting.Kafka.Metrics;

/// <summary>
/// The host's metrics in Prometheus text, named as Strimzi's JMX exporter rules name Kafka Connect's MBeans
/// (<c>kafka.connect:type=sink-task-metrics,connector=…,task=…</c> attribute <c>sink-record-read-rate</c> becomes
/// <c>kafka_connect_sink_task_sink_record_read_rate{connector="…",task="0"}</c>), so existing dashboards and alerts keep working.
/// </summary>
internal sealed class SinkHostMetrics
{
    private const string Counter = "counter";
    private const string Gauge = "gauge";
    private readonly StandaloneSinkHost _host;
    private readonly SlidingRate _readRate;
    private readonly SlidingRate _sendRate;
    private readonly SlidingRate _commitRate;
    private readonly Lock _lock = new();

    public SinkHostMetrics(StandaloneSinkHost host, TimeProvider time, TimeSpan window)
    {
        _host = host;
        _readRate = new SlidingRate(time, window);
        _sendRate = new SlidingRate(time, window);
        _commitRate = new SlidingRate(time, window);
    }

    public string Scrape()
    {
        // One scrape at a time: the rates sample their counters in the order they are written.
        lock (_lock)
        {
            return Write();
        }
    }

    private string Write()
    {
        var text = new PrometheusTextWriter();
        var task = (("connector", _host.ConnectorName), ("task", "0"));
        ReadOnlySpan<(string, string)> labels = [task.Item1, task.Item2];
        var status = _host.Status.StateName.ToLowerInvariant();

        text.Family("kafka_connect_connector_status", Gauge, "The connector's status (value 1, the status in the label), as Connect's connector-metrics status.");
        text.Sample("kafka_connect_connector_status", 1, ("connector", _host.ConnectorName),
            ("status", _host.Status.State == SinkTaskState.Failed ? "running" : status));
        text.Family("kafka_connect_connector_task_status", Gauge, "The task's status (value 1, the status in the label).");
        text.Sample("kafka_connect_connector_task_status", 1, task.Item1, task.Item2, ("status", status));
        text.Family("kafka_connect_connector_task_batch_size_max", Gauge, "The largest batch of records the task has processed.");
        text.Sample("kafka_connect_connector_task_batch_size_max", _host.BatchSizeMax, labels);

        var read = _host.RecordsRead;
        var sent = _host.RecordsPut;
        var commits = _host.Commits;
        WritePair(text, "sink_record_read", "records read from Kafka (redeliveries included)", read, _readRate.Rate(read), labels);
        WritePair(text, "sink_record_send", "records passed to the sink after transformations", sent, _sendRate.Rate(sent), labels);
        WritePair(text, "offset_commit_completion", "offset commits that completed", commits, _commitRate.Rate(commits), labels);
        text.Family("kafka_connect_sink_task_partition_count", Gauge, "The number of partitions assigned to the task.");
        text.Sample("kafka_connect_sink_task_partition_count", _host.PartitionCount, labels);
        text.Family("kafka_connect_sink_task_redeliveries_total", Counter, "Times a partition was paused and rewound because the sink left a record retriable (not in Connect).");
        text.Sample("kafka_connect_sink_task_redeliveries_total", _host.Redeliveries, labels);

        var errors = _host.ErrorMetrics;
        WriteError(text, "total_record_failures", Counter, "Record processing failures, retried attempts included.", errors.TotalRecordFailures, labels);
        WriteError(text, "total_record_errors", Counter, "Record processing errors (operations that failed for good).", errors.TotalRecordErrors, labels);
        WriteError(text, "total_records_skipped", Counter, "Records skipped because their error was tolerated.", errors.TotalRecordsSkipped, labels);
        WriteError(text, "total_retries", Counter, "Retried operations.", errors.TotalRetries, labels);
        WriteError(text, "total_errors_logged", Counter, "Errors written to the log.", errors.TotalErrorsLogged, labels);
        WriteError(text, "deadletterqueue_produce_requests", Counter, "Records written to the dead letter queue.", errors.DeadLetterQueueProduceRequests, labels);
        WriteError(text, "deadletterqueue_produce_failures", Counter, "Failed writes to the dead letter queue.", errors.DeadLetterQueueProduceFailures, labels);
        WriteError(text, "last_error_timestamp", Gauge, "Epoch milliseconds of the last error; 0 before the first.", errors.LastErrorTimestamp, labels);

        WriteLag(text);
        return text.ToString();
    }

    private static void WritePair(PrometheusTextWriter text, string name, string what, long total, double rate, ReadOnlySpan<(string, string)> labels)
    {
        text.Family($"kafka_connect_sink_task_{name}_total", Counter, $"Total {what}.");
        text.Sample($"kafka_connect_sink_task_{name}_total", total, labels);
        text.Family($"kafka_connect_sink_task_{name}_rate", Gauge, $"Per-second rate of {what}, over the metrics window.");
        text.Sample($"kafka_connect_sink_task_{name}_rate", rate, labels);
    }

    private static void WriteError(PrometheusTextWriter text, string name, string type, string help, long value, ReadOnlySpan<(string, string)> labels)
    {
        text.Family("kafka_connect_task_error_" + name, type, help);
        text.Sample("kafka_connect_task_error_" + name, value, labels);
    }

    private void WriteLag(PrometheusTextWriter text)
    {
        var client = _host.ClientId;
        var lags = _host.PartitionLags;
        text.Family("kafka_consumer_fetch_manager_records_lag", Gauge, "Records between the consumer's position and the partition's high watermark.");
        long? max = null;
        foreach (var lag in lags)
        {
            if (lag.RecordsLag is { } value)
            {
                max = Math.Max(max ?? 0, value);
                text.Sample("kafka_consumer_fetch_manager_records_lag", value,
                    ("clientId", client), ("topic", lag.Topic), ("partition", lag.Partition.ToString(CultureInfo.InvariantCulture)));
            }
        }

        text.Family("kafka_consumer_fetch_manager_records_lag_max", Gauge, "The largest records-lag over the assigned partitions.");
        if (max is { } m)
        {
            text.Sample("kafka_consumer_fetch_manager_records_lag_max", m, ("clientId", client));
        }

        text.Family("kafka_connect_sink_task_committed_lag", Gauge, "Records between the task's last committed offset and the high watermark (what KEDA's kafka scaler sees; not in Connect).");
        foreach (var lag in lags)
        {
            if (lag.CommittedLag is { } value)
            {
                text.Sample("kafka_connect_sink_task_committed_lag", value,
                    ("connector", _host.ConnectorName), ("task", "0"), ("topic", lag.Topic), ("partition", lag.Partition.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
