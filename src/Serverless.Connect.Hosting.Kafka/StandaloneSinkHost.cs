using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Errors;
using Serverless.Connect.Hosting.Kafka.Internal;
using Serverless.Connect.Hosting.Kafka.Metrics;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Sinks;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Hosting.Kafka;

/// <summary>
/// Runs one sink task as a Kafka consumer group member, as Connect's <c>WorkerSinkTask</c> does: group
/// <c>connect-&lt;connector&gt;</c>, cooperative-sticky assignment, manual commits. Each batch goes through the sink
/// pipeline (converters, SMTs, error handler with DLQ), then the sink; offsets are committed from a per-partition
/// watermark, so a commit never passes a record that is neither written nor dead-lettered.
/// </summary>
/// <remarks>
/// The consume loop runs on a dedicated thread because <c>Consume</c> blocks; rebalance callbacks run on it too, so the
/// consumer, tracker and redelivery schedule are only touched from that thread.
/// </remarks>
public sealed partial class StandaloneSinkHost : IAsyncDisposable
{
    private readonly SinkRecordPipeline _pipeline;
    private readonly ISinkTask _sink;
    private readonly SinkBatchProcessor _processor;
    private readonly KafkaDeadLetterQueueProducer? _deadLetterQueue;
    private readonly ConsumerConfig _consumerConfig;
    private readonly IReadOnlyList<string> _ignoredConsumerKeys;
    private readonly IReadOnlyList<string> _subscription;
    private readonly SinkHostOptions _options;
    private readonly RedeliverySchedule _redelivery;
    private readonly List<ConsumeResult<byte[]?, byte[]?>> _batch = [];
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly SinkHostMetrics _metrics;
    private volatile SinkTaskStatus _status;
    private volatile bool _killed;
    private long _recordsRead;
    private long _recordsPut;
    private long _redeliveries;
    private long _commits;
    private int _started;
    private int _partitionCount;
    private int _batchSizeMax;

    private StandaloneSinkHost(
        EffectiveConnectorConfig config,
        SinkHostOptions options,
        SinkRecordPipeline pipeline,
        ISinkTask sink,
        KafkaDeadLetterQueueProducer? deadLetterQueue,
        IReadOnlyList<string> subscription,
        string bootstrapServers)
    {
        ConnectorName = config.Connector.Name;
        GroupId = "connect-" + ConnectorName;
        _options = options;
        _pipeline = pipeline;
        _sink = sink;
        _deadLetterQueue = deadLetterQueue;
        _subscription = subscription;
        _consumerConfig = ConsumerSettings.Create(config.Values, bootstrapServers, ConnectorName, out _ignoredConsumerKeys);
        _maxBatch = options.MaxBatchRecords ?? ConsumerSettings.MaxPollRecords(config.Values);
        _redelivery = new RedeliverySchedule(options.TimeProvider, options.RedeliveryBackoff, options.RedeliveryBackoffMax);
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<StandaloneSinkHost>();
        _processor = new SinkBatchProcessor(pipeline, sink, _logger);
        _status = new SinkTaskStatus(SinkTaskState.Unassigned, options.WorkerId);
        _metrics = new SinkHostMetrics(this, options.TimeProvider, options.MetricsWindow);
    }

    /// <summary>Gets the connector name.</summary>
    public string ConnectorName { get; }

    /// <summary>Gets the consumer group id (<c>connect-&lt;connector&gt;</c>, as Kafka Connect names it).</summary>
    public string GroupId { get; }

    /// <summary>Gets the consumer's <c>client.id</c> (the <c>clientId</c> label of the consumer metrics).</summary>
    public string ClientId => _consumerConfig.ClientId;

    /// <summary>Gets the task's current status.</summary>
    public SinkTaskStatus Status => _status;

    /// <summary>Gets the task's error metrics (<c>task-error-metrics</c>).</summary>
    public ErrorHandlingMetrics ErrorMetrics => _pipeline.ErrorHandler.Metrics;

    /// <summary>Gets the commit watermarks.</summary>
    public PartitionOffsetTracker Offsets { get; } = new();

    /// <summary>Gets the largest batch processed so far (<c>batch-size-max</c>).</summary>
    public int BatchSizeMax => Volatile.Read(ref _batchSizeMax);

    /// <summary>Gets how many partitions are assigned to the task now (<c>partition-count</c>).</summary>
    public int PartitionCount => Volatile.Read(ref _partitionCount);

    /// <summary>Gets how many records were consumed (redeliveries included; <c>sink-record-read-total</c>).</summary>
    public long RecordsRead => Interlocked.Read(ref _recordsRead);

    /// <summary>Gets how many records were passed to the sink (<c>sink-record-send-total</c>).</summary>
    public long RecordsPut => Interlocked.Read(ref _recordsPut);

    /// <summary>Gets how many times a partition was paused and rewound because the sink left a record retriable.</summary>
    public long Redeliveries => Interlocked.Read(ref _redeliveries);

    /// <summary>Gets how many offset commits succeeded (<c>offset-commit-completion-total</c>).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Renders the task's metrics in Prometheus' text format (what <c>GET /metrics</c> serves), named as Strimzi's
    /// JMX exporter names Connect's; each call samples the <c>-rate</c> metrics' sliding window.
    /// </summary>
    /// <returns>The exposition text.</returns>
    public string GetPrometheusMetrics() => _metrics.Scrape();

    /// <summary>Builds the host for a merged connector configuration.</summary>
    /// <param name="config">The merged configuration (providers resolved); <c>bootstrap.servers</c> must be set.</param>
    /// <param name="options">Services and tuning; defaults when null.</param>
    /// <returns>The host, not yet running.</returns>
    /// <exception cref="ConfigException">The connector is not a supported sink, or topics or bootstrap servers are missing.</exception>
    /// <exception cref="Configuration.Validation.ConfigValidationException">A sink or <c>errors.*</c> setting is invalid.</exception>
    /// <exception cref="ConnectException">A converter is unknown or misconfigured.</exception>
    public static StandaloneSinkHost Create(EffectiveConnectorConfig config, SinkHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new SinkHostOptions();
        var plugin = (options.Sinks ?? BuiltInSinks.Create()).Get(config.Connector.ConnectorClass);

        var bootstrap = config.BootstrapServers is { Length: > 0 } servers
            ? servers
            : throw new ConfigException(
                $"{WorkerConfig.BootstrapServersKey} is not set: give a worker configuration or set {WorkerConfig.BootstrapServersEnvironmentVariable}");
        var subscription = Subscription(config.Values);
        var errors = SinkRecordPipeline.ReadErrorHandling(config.Values);
        if (errors.DeadLetterQueueTopic is { } dlqTopic && subscription.Contains(dlqTopic))
        {
            throw new ConfigException(
                $"The DLQ topic '{dlqTopic}' may not be included in the list of topics ('topics=[{string.Join(", ", subscription)}]') consumed by the connector");
        }

        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var dlq = errors.DeadLetterQueueTopic is null ? null : new KafkaDeadLetterQueueProducer(bootstrap);
        SinkRecordPipeline? pipeline = null;
        ISinkTask? sink = null;
        try
        {
            pipeline = SinkRecordPipeline.Create(config, new SinkRecordPipelineOptions
            {
                Converters = HostConverters.Registry,
                DeadLetterQueue = dlq,
                LoggerFactory = options.LoggerFactory,
                TimeProvider = options.TimeProvider,
            });
            sink = plugin.CreateTask(
                config.Values, new SinkTaskContext(config.Connector.Name, 0, SinkHostKind.Standalone, loggers, options.TimeProvider));
            return new StandaloneSinkHost(config, options, pipeline, sink, dlq, subscription, bootstrap);
        }
        catch
        {
            // Create is synchronous (it runs before any loop exists); disposing a task that never opened is quick.
            sink?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            pipeline?.Dispose();
            dlq?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the task until <paramref name="cancellationToken"/> is cancelled (then the batch in progress is finished,
    /// offsets are committed and the consumer leaves the group) or the task fails.
    /// </summary>
    /// <param name="cancellationToken">Requests a graceful stop (SIGTERM).</param>
    /// <returns>The final status: <see cref="SinkTaskState.Stopped"/> or <see cref="SinkTaskState.Failed"/> with a trace.</returns>
    /// <exception cref="InvalidOperationException">The host was already started.</exception>
    public Task<SinkTaskStatus> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A sink host runs once; create a new one to restart the task.");
        }

        return Task.Factory.StartNew(
            () => RunLoop(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Releases the sink, the pipeline and the DLQ producer. Call after <see cref="RunAsync"/> completed.</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync().ConfigureAwait(false);
        _pipeline.Dispose();
        _deadLetterQueue?.Dispose();
    }

    /// <summary>Stops as a crash would: no further commit, no flush, no group leave (the member times out).</summary>
    internal void Kill() => _killed = true;

    private static List<string> Subscription(IReadOnlyDictionary<string, string> values)
    {
        if (values.TryGetValue("topics", out var topics) && !string.IsNullOrWhiteSpace(topics))
        {
            return [.. topics.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        if (values.TryGetValue("topics.regex", out var regex) && !string.IsNullOrWhiteSpace(regex))
        {
            // librdkafka treats a subscription starting with '^' as a regular expression.
            return [regex.StartsWith('^') ? regex : "^" + regex];
        }

        throw new ConfigException("Must configure one of topics or topics.regex");
    }
}
