using Serverless.Connect.CdcReader;
using Serverless.Connect.Hosting.Kafka;

using Serverless.Connect.DevServices;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// One run of the demo: its database, topics and bucket, the seed's connectors in-process (two CDC connectors, the
/// S3 sink and, with <c>ES_URL</c>, the Elasticsearch sink), the load, the live display, the drain and the summary.
/// </summary>
internal sealed partial class DemoRun
{
    private const int InitialCustomers = 20;
    private const int InitialOrders = 50;
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(45);

    private readonly DemoOptions _options;
    private readonly ServicesEnvironment _services;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly DemoNames _names;
    private readonly CommitLog _commits = new();
    private readonly List<string> _problems = [];
    private readonly Stage _load;
    private readonly Stage _source;
    private readonly Stage _outbox;
    private readonly Stage _s3;
    private readonly Stage _elasticsearch;

    public DemoRun(DemoOptions options, ServicesEnvironment services, TextWriter output, TimeProvider time)
    {
        _options = options;
        _services = services;
        _output = output;
        _time = time;
        _names = DemoNames.Create(time);
        _load = new Stage("load", "inserts, updates, deletes, outbox rows", "", "", time);
        _source = new Stage("postgres-source", "orders, customers -> Kafka (unwrap)", "B", "commit -> read back from Kafka", time);
        _outbox = new Stage("outbox-connector", "outbox -> events.* (EventRouter)", "B", "commit -> read back from Kafka", time);
        _s3 = new Stage("s3-sink", "events.* -> Parquet in s3rver", "records", "commit -> sink offset commit after the S3 upload", time);
        _elasticsearch = new Stage("elasticsearch-sink", "orders, customers -> ES", "records", "commit -> sink offset commit after the bulk ack", time);
        Stages = [_load, _source, _outbox, _s3, _elasticsearch];
    }

    public IReadOnlyList<Stage> Stages { get; }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(Path.GetDirectoryName(_services.Path)!, "demo", _names.Id + ".log");
        using var logs = new FileLoggerFactory(logPath, _time);
        var database = new DemoDatabase(_services, _names);
        var seed = new SeedConnectors(_services, _names);
        using var bucket = new DemoBucket(_services, _names.Bucket);
        _output.WriteLine($"demo {_names.Id}: database {_names.Database}, topics {_names.Id}.*, bucket {_names.Bucket}");
        _output.WriteLine($"demo: connector logs go to {logPath}");
        try
        {
            var stale = await database.DropStaleAsync(_time.GetUtcNow() - TimeSpan.FromMinutes(10), cancellationToken);
            if (stale.Count > 0)
            {
                _output.WriteLine($"demo: removed what killed earlier runs left behind: {string.Join(", ", stale)}");
            }

            await database.CreateAsync(InitialCustomers, InitialOrders, cancellationToken);
            await KafkaTopics.CreateAsync(_services.KafkaControlUrl, _services.KafkaBootstrapServers, [.. AllTopics], _output, cancellationToken);
            await bucket.CreateAsync(cancellationToken);
            var summary = await RunPipelineAsync(database, seed, bucket, logs, cancellationToken);
            summary.Write(_output);
            return summary.Ok ? 0 : 1;
        }
        finally
        {
            try
            {
                var left = await database.DropAsync();
                _output.WriteLine(left.Count == 0
                    ? $"demo: dropped database {_names.Database} (the connectors dropped their slots on stop); bucket {_names.Bucket} is kept"
                    : $"demo: dropped database {_names.Database} and the slots the connectors left: {string.Join(", ", left)}");
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException)
            {
                _output.WriteLine($"demo: could not drop database {_names.Database}: {e.Message}");
            }
        }
    }

    private IEnumerable<string> AllTopics =>
    [
        _names.OrdersTopic, _names.CustomersTopic, _names.OrderCreatedTopic, _names.OrderShippedTopic,
        _names.S3DeadLetterTopic, _names.ElasticsearchDeadLetterTopic,
    ];

    private async Task<DemoSummary> RunPipelineAsync(
        DemoDatabase database, SeedConnectors seed, DemoBucket bucket, FileLoggerFactory logs, CancellationToken cancellationToken)
    {
        using var watcher = CreateWatcher();
        using var watcherStop = new CancellationTokenSource();
        var watcherTask = Task.Factory.StartNew(
            () => watcher.Run(watcherStop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // The S3 sink reads credentials from the AWS default chain, as Confluent's does by default.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", _services.S3AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", _services.S3SecretKey);

        using var stopSources = new CancellationTokenSource();
        using var stopSinks = new CancellationTokenSource();
        var source = new CdcConnector(seed.PostgresSource(), logs, _time);
        var outbox = new CdcConnector(seed.OutboxSource(), logs, _time);
        var sourceTask = Task.Run(() => source.RunAsync(stopSources.Token), CancellationToken.None);
        var outboxTask = Task.Run(() => outbox.RunAsync(stopSources.Token), CancellationToken.None);
        var s3 = StartSink(_s3, SeedConnectors.S3SinkClass, () => seed.S3Sink(), logs, stopSinks.Token);
        var elasticsearch = _options.ElasticsearchUrl is { } url
            ? StartSink(_elasticsearch, SeedConnectors.ElasticsearchSinkClass, () => seed.ElasticsearchSink(url), logs, stopSinks.Token)
            : Skip(_elasticsearch, "skipped: ES_URL is not set and no Elasticsearch runs locally (ES_URL=http://host:9200 runs it)");
        foreach (var stage in Stages.Where(s => s.State is StageState.Skipped or StageState.Waiting or StageState.Failed))
        {
            _output.WriteLine($"demo: {stage.Name}: {stage.Note}");
        }

        foreach (var change in seed.Changes)
        {
            logs.Write("seed override: " + change);
        }

        // Changes committed before a slot exists would only reach Kafka folded into the snapshot: start the load
        // once both slots are there.
        try
        {
            await WaitForSlotsAsync(database, sourceTask, outboxTask, cancellationToken);
        }
        catch
        {
            // Stopped (Ctrl-C) or failed before the load: stop what runs so the slots can be dropped.
            await stopSources.CancelAsync();
            await stopSinks.CancelAsync();
            await Task.WhenAny(
                Task.WhenAll(sourceTask, outboxTask, s3?.Run ?? Task.CompletedTask, elasticsearch?.Run ?? Task.CompletedTask),
                Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None));
            await watcherStop.CancelAsync();
            await watcherTask;
            throw;
        }

        var load = new LoadGenerator(database.ConnectionString, _options.Rate, InitialCustomers, InitialOrders, _commits, _time);
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Duration is { } duration)
        {
            stopLoad.CancelAfter(duration);
        }

        var loadStarted = _time.GetTimestamp();
        var loadTask = Task.Run(() => load.RunAsync(stopLoad.Token), CancellationToken.None);
        var monitor = new Monitor(this, database, bucket, watcher, load, source, outbox, s3, elasticsearch, sourceTask, outboxTask);
        using var monitorStop = new CancellationTokenSource();
        var monitorTask = monitor.RunAsync(loadStarted, monitorStop.Token);

        await AwaitLoadAsync(loadTask, stopLoad.Token, () => monitor.AnyFailed);
        var loadSeconds = _time.GetElapsedTime(loadStarted).TotalSeconds;
        var drained = await monitor.DrainAsync(s_drainTimeout);

        await monitorStop.CancelAsync();
        await monitorTask;
        if (!drained)
        {
            _problems.Add($"the pipeline did not catch up within {s_drainTimeout.TotalSeconds:F0} s of the load ending");
        }

        // Sources first (they drain, flush and drop their slots), then sinks (they finish the batch and commit).
        await stopSources.CancelAsync();
        await StopSourceAsync(_source, sourceTask);
        await StopSourceAsync(_outbox, outboxTask);
        await stopSinks.CancelAsync();
        await StopSinkAsync(_s3, s3);
        await StopSinkAsync(_elasticsearch, elasticsearch);
        await monitor.FinalAsync();

        var summary = await BuildSummaryAsync(watcher, bucket, load.Counters, loadSeconds);
        await watcherStop.CancelAsync();
        await watcherTask;
        return summary;
    }

    private async Task WaitForSlotsAsync(DemoDatabase database, Task sourceTask, Task outboxTask, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && !sourceTask.IsCompleted && !outboxTask.IsCompleted)
        {
            var slots = await database.SlotLagAsync(cancellationToken);
            if (slots.ContainsKey(_names.SourceSlot) && slots.ContainsKey(_names.OutboxSlot))
            {
                return;
            }

            if (_time.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                throw new DemoException($"the connectors did not create their replication slots within 60 s (see {_names.Id}.log)");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
        }
    }

    private static async Task AwaitLoadAsync(Task loadTask, CancellationToken stopLoad, Func<bool> failed)
    {
        while (!loadTask.IsCompleted && !stopLoad.IsCancellationRequested && !failed())
        {
            await Task.WhenAny(loadTask, Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None));
        }
    }

    private TopicWatcher CreateWatcher()
    {
        var watcher = new TopicWatcher(
            _services.KafkaBootstrapServers,
            [
                new WatchedTopic(_names.OrdersTopic, "orders", _source.Latency),
                new WatchedTopic(_names.CustomersTopic, "customers", _source.Latency),
                new WatchedTopic(_names.OrderCreatedTopic, null, _outbox.Latency),
                new WatchedTopic(_names.OrderShippedTopic, null, _outbox.Latency),
                new WatchedTopic(_names.S3DeadLetterTopic, null, null, DeadLetter: true),
                new WatchedTopic(_names.ElasticsearchDeadLetterTopic, null, null, DeadLetter: true),
            ],
            _commits,
            _time);
        watcher.TrackSink(_names.OrderCreatedTopic, KafkaTopics.Partitions, _s3.Latency);
        watcher.TrackSink(_names.OrderShippedTopic, KafkaTopics.Partitions, _s3.Latency);
        if (_options.ElasticsearchUrl is not null)
        {
            watcher.TrackSink(_names.OrdersTopic, KafkaTopics.Partitions, _elasticsearch.Latency);
            watcher.TrackSink(_names.CustomersTopic, KafkaTopics.Partitions, _elasticsearch.Latency);
        }

        watcher.Assign(AllTopics.ToDictionary(t => t, _ => KafkaTopics.Partitions, StringComparer.Ordinal));
        return watcher;
    }

    private RunningSink? StartSink(
        Stage stage, string connectorClass, Func<Configuration.Connect.EffectiveConnectorConfig> config, FileLoggerFactory logs, CancellationToken stop)
    {
        if (!BuiltInSinks.Create().Contains(connectorClass))
        {
            stage.State = StageState.Waiting;
            stage.Note = $"waiting for sink registration: {connectorClass} is not in BuiltInSinks";
            _problems.Add($"{stage.Name}: not run: {connectorClass} is not registered in BuiltInSinks in this build");
            return null;
        }

        try
        {
            var effective = config();
            var host = StandaloneSinkHost.Create(effective, new SinkHostOptions { LoggerFactory = logs, TimeProvider = _time });
            stage.State = StageState.Running;
            var topics = effective.Values["topics"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new RunningSink(host, host.RunAsync(stop), topics);
        }
        catch (Exception e) when (e is Errors.ConnectException or Configuration.ConfigException or Configuration.Validation.ConfigValidationException)
        {
            stage.State = StageState.Failed;
            stage.Note = e.Message;
            _problems.Add($"{stage.Name}: the seed's config did not start: {e.Message}");
            return null;
        }
    }

    private static RunningSink? Skip(Stage stage, string why)
    {
        stage.State = StageState.Skipped;
        stage.Note = why;
        return null;
    }

    private async Task StopSourceAsync(Stage stage, Task run)
    {
        try
        {
            await run;
            if (stage.State != StageState.Failed)
            {
                stage.State = StageState.Stopped;
            }
        }
        catch (Exception e) when (e is Errors.ConnectException or Npgsql.NpgsqlException or Confluent.Kafka.KafkaException or OperationCanceledException)
        {
            stage.State = StageState.Failed;
            stage.Note = e.Message;
            _problems.Add($"{stage.Name}: failed: {e.Message}");
        }
    }

    private async Task StopSinkAsync(Stage stage, RunningSink? sink)
    {
        if (sink is null)
        {
            return;
        }

        var status = await sink.Run;
        await sink.Host.DisposeAsync();
        if (status.State == SinkTaskState.Failed)
        {
            stage.State = StageState.Failed;
            var first = status.Trace?.Split('\n', 2)[0].Trim();
            stage.Note = first;
            _problems.Add($"{stage.Name}: task failed: {first}");
        }
        else if (stage.State != StageState.Failed)
        {
            stage.State = StageState.Stopped;
        }
    }
}
