using System.Globalization;
using Confluent.Kafka;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Providers;
using Serverless.Connect.Errors;
using Serverless.Connect.Functions.Generation;
using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Runtime.Sinks;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Functions;

/// <summary>
/// One function's sink task, pipeline and DLQ producer, alive across invocations. A batch succeeds only when every
/// record is written, dead-lettered (delivery awaited) or dropped and the task's preCommit confirms the batch end
/// durable for each partition; otherwise the host retries the whole batch and commits nothing.
/// </summary>
/// <remarks>
/// After a failed batch the offsets preCommit confirmed are remembered per partition, and the retry skips records below
/// them (so records already dead-lettered are not dead-lettered twice); a successful batch forgets them again.
/// </remarks>
internal sealed partial class FunctionRuntime : IAsyncDisposable
{
    private readonly SinkRecordPipeline _pipeline;
    private readonly ISinkTask _sink;
    private readonly SinkBatchProcessor _processor;
    private readonly KafkaDeadLetterQueueProducer? _deadLetterQueue;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<SinkPartition> _opened = [];
    private readonly Dictionary<SinkPartition, long> _durable = [];
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    private FunctionRuntime(
        SinkFunction function, SinkRecordPipeline pipeline, ISinkTask sink, KafkaDeadLetterQueueProducer? deadLetterQueue, ILogger logger, TimeProvider time)
    {
        _time = time;
        Function = function;
        _pipeline = pipeline;
        _sink = sink;
        _deadLetterQueue = deadLetterQueue;
        _logger = logger;
        _processor = new SinkBatchProcessor(pipeline, sink, logger);
    }

    public SinkFunction Function { get; }

    public static FunctionRuntime Create(SinkFunction function, ISinkConnectorPlugin plugin, AppSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        var config = EffectiveConfig(function, settings);
        TextConverters.EnsureText(config);
        var errors = SinkRecordPipeline.ReadErrorHandling(config.Values);
        if (errors.DeadLetterQueueTopic is { } dlqTopic && string.Equals(dlqTopic, function.Topic, StringComparison.Ordinal))
        {
            throw new ConfigException(
                $"The DLQ topic '{dlqTopic}' may not be included in the list of topics ('topics=[{config.Values.GetValueOrDefault("topics")}]') consumed by the connector");
        }

        var dlq = errors.DeadLetterQueueTopic is null ? null : new KafkaDeadLetterQueueProducer(ProducerSettings(function, config, settings));
        SinkRecordPipeline? pipeline = null;
        try
        {
            pipeline = SinkRecordPipeline.Create(config, new SinkRecordPipelineOptions
            {
                DeadLetterQueue = dlq,
                LoggerFactory = loggers,
                TimeProvider = time,
                TaskNumber = function.TaskNumber,
            });
            var context = new SinkTaskContext(function.Connector.Name, function.TaskNumber, SinkHostKind.FunctionsTrigger, loggers, time);
            var sink = plugin.CreateTask(config.Values, context);
            return new FunctionRuntime(function, pipeline, sink, dlq, loggers.CreateLogger<FunctionRuntime>(), time);
        }
        catch
        {
            pipeline?.Dispose();
            dlq?.Dispose();
            throw;
        }
    }

    /// <summary>Runs one batch; calls never overlap.</summary>
    /// <exception cref="ConnectException">The task must fail (a failure not tolerated, a record the sink fails, a DLQ delivery failure).</exception>
    public async Task<InvocationResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ProcessAsync(invocation, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_opened.Count > 0)
            {
                await _sink.CloseAsync([.. _opened], CancellationToken.None);
            }

            await _sink.DisposeAsync();
            _pipeline.Dispose();
            _deadLetterQueue?.Dispose();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<InvocationResult> ProcessAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var ends = new Dictionary<SinkPartition, long>();
        var batch = new List<ConsumedRecord>(invocation.Records.Count);
        foreach (var record in invocation.Records)
        {
            var partition = new SinkPartition(record.Topic, record.Partition);
            ends[partition] = Math.Max(ends.GetValueOrDefault(partition), record.Offset + 1);
            if (!(_durable.TryGetValue(partition, out var durable) && record.Offset < durable))
            {
                batch.Add(record);
            }
        }

        var assigned = ends.Keys.Where(_opened.Add).ToList();
        if (assigned.Count > 0)
        {
            // The trigger gives no assignment callbacks: a partition is opened when its first record arrives.
            await _sink.OpenAsync(assigned, cancellationToken);
        }

        var metrics = _pipeline.ErrorHandler.Metrics;
        var deadLetteredBefore = metrics.DeadLetterQueueProduceRequests;
        var result = await _processor.ProcessAsync(batch, static _ => { }, cancellationToken);
        var deadLettered = metrics.DeadLetterQueueProduceRequests - deadLetteredBefore;

        var done = new Dictionary<SinkPartition, long>(ends.Count);
        foreach (var (partition, end) in ends)
        {
            done[partition] = result.FirstRetriable.TryGetValue(partition, out var first) ? first : end;
        }

        IReadOnlyDictionary<SinkPartition, long> safe;
        try
        {
            safe = await _sink.PreCommitAsync(done, cancellationToken);
        }
        catch (RetriableException e)
        {
            return Retry($"{Function.Name}: {_sink.TaskClassName} could not make the batch durable (preCommit): {e.Message}");
        }

        var problems = new List<string>();
        foreach (var (partition, end) in ends)
        {
            var durable = safe.TryGetValue(partition, out var offset) ? Math.Min(offset, done[partition]) : (long?)null;
            if (durable is { } confirmed && confirmed > _durable.GetValueOrDefault(partition))
            {
                _durable[partition] = confirmed;
            }

            if (result.FirstRetriable.TryGetValue(partition, out var retriable))
            {
                problems.Add($"{partition}@{retriable} and later were left retriable by {_sink.TaskClassName}");
            }
            else if (durable is null || durable < end)
            {
                problems.Add($"{partition}: {_sink.TaskClassName} confirmed only offsets below {durable?.ToString(CultureInfo.InvariantCulture) ?? "none"} as durable; the batch ends at {end}");
            }
        }

        if (problems.Count > 0)
        {
            return Retry($"{Function.Name}: batch not done, the host retries it: {string.Join("; ", problems)}");
        }

        foreach (var partition in ends.Keys)
        {
            _durable.Remove(partition);
        }

        var skipped = invocation.Records.Count - batch.Count;
        var line = $"{Function.Name}: {invocation.Records.Count} records, {result.RecordsPut} put to {_sink.TaskClassName}, {deadLettered} dead-lettered"
            + (skipped > 0 ? $", {skipped} already durable from an earlier attempt" : string.Empty)
            + $" in {_time.GetElapsedTime(started).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms";
        LogBatch(_logger, line);
        return new InvocationResult(true, [line]);
    }

    private InvocationResult Retry(string message)
    {
        LogRetry(_logger, message);
        return new InvocationResult(false, [message]);
    }

    private static EffectiveConnectorConfig EffectiveConfig(SinkFunction function, AppSettings settings)
    {
        var values = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in function.Connector.Values)
        {
            values[key] = value;
        }

        foreach (var (key, value) in settings.Overrides(FunctionNames.OverridePrefix(function.Connector.Name)))
        {
            if (key is not (ConnectorConfig.NameKey or ConnectorConfig.ConnectorClassKey))
            {
                values[key] = value;
            }
        }

        var connector = function.Connector.WithValues(new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(values));
        // The DLQ goes to the cluster the trigger reads: the trigger's brokerList setting wins, then KAFKA_BOOTSTRAP_SERVERS.
        var servers = settings.Get(FunctionNames.BootstrapServersSetting) ?? settings.Get(WorkerConfig.BootstrapServersEnvironmentVariable);
        var environment = servers is null
            ? DictionaryEnvironmentVariables.Empty
            : new DictionaryEnvironmentVariables([new(WorkerConfig.BootstrapServersEnvironmentVariable, servers)]);
        var worker = (function.Worker ?? WorkerConfig.CreateDefault(environment)).WithEnvironmentOverrides(environment);
        var providers = ConfigProviders.FromWorkerConfig(worker.Values, new ConfigProviderOptions { Environment = settings });
        var resolution = new ConfigResolver(providers).Resolve(connector.Values);
        if (!resolution.IsSuccess)
        {
            throw new ConfigException(
                $"connector {connector.Name}: {string.Join("; ", resolution.Errors)} (set app setting {FunctionNames.OverridePrefix(connector.Name)}__<key> to give a value here)");
        }

        return ConnectorConfigMerger.Merge(connector.WithValues(resolution.Values), worker, environment);
    }

    private static ProducerConfig ProducerSettings(SinkFunction function, EffectiveConnectorConfig config, AppSettings settings)
    {
        var producer = new ProducerConfig
        {
            BootstrapServers = config.Values.GetValueOrDefault(WorkerConfig.BootstrapServersKey) is { Length: > 0 } servers
                ? servers
                : throw new ConfigException($"Set app setting {FunctionNames.BootstrapServersSetting}: the dead letter queue is produced to Kafka"),
            ClientId = $"connector-dlq-producer-{function.Connector.Name}-{function.TaskNumber}",
        };
        var security = TriggerSecurity.From(config.Values, function.Connector.Name);
        if (config.Values.GetValueOrDefault("security.protocol") is { } protocol)
        {
            producer.Set("security.protocol", protocol.ToLowerInvariant());
        }

        if (security.AuthenticationMode is not null)
        {
            producer.Set("sasl.mechanism", (config.Values.GetValueOrDefault("sasl.mechanism") ?? "GSSAPI").ToUpperInvariant());
        }

        if (security.UsesSasl)
        {
            producer.SaslUsername = settings.Get(FunctionNames.UsernameSetting)
                ?? throw new ConfigException($"Set app setting {FunctionNames.UsernameSetting}: the worker uses SASL");
            producer.SaslPassword = settings.Get(FunctionNames.PasswordSetting)
                ?? throw new ConfigException($"Set app setting {FunctionNames.PasswordSetting}: the worker uses SASL");
        }

        return producer;
    }

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogBatch(ILogger logger, string line);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogRetry(ILogger logger, string message);
}
