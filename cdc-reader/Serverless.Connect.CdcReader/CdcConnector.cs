using System.Threading.Channels;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.CdcReader;

/// <summary>
/// One running PostgresConnector: the source feeds a bounded channel, records go through the connector's transforms and
/// converters (Connect's source pipeline, with <c>errors.*</c> handling), an idempotent acks=all producer writes them to
/// Kafka, and slot positions are confirmed only once every record at or below them has been acknowledged by Kafka.
/// </summary>
public sealed partial class CdcConnector
{
    // Records waiting between WAL reading and the producer survive young collections, so a deep queue inflates the
    // heap (8192 Debezium events held the GC's gen0 budget at its maximum); a few hundred keep the producer busy
    // (measured: 256 was both faster and ~20 MiB smaller than 1024).
    private const int MaxChannelRecords = 256;

    // A full producer queue for this long (no acknowledgement freed room) is worth a warning: Kafka is slow or down.
    private static readonly TimeSpan QueueFullLogAfter = TimeSpan.FromSeconds(1);

    private readonly EffectiveConnectorConfig _effective;
    private readonly IReadOnlyDictionary<string, string> _config;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private volatile LsnAcknowledgementTracker _tracker = new();
    private readonly OutboxCleanup? _outboxCleanup;
    private readonly TaskCompletionSource _snapshotAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _snapshotLock = new();
    private (ulong Lsn, long? TxId)? _pendingSnapshot;
    private ulong _offsetLsn;
    private ulong _acknowledgedBefore;
    private Exception? _deliveryFailure;
    private TaskCompletionSource? _queueSpace;
    private long _delivered;

    /// <summary>Initializes a new instance of the <see cref="CdcConnector"/> class from a flat connector configuration.</summary>
    /// <param name="config">The resolved connector configuration (with <c>name</c>, <c>connector.class</c> and <c>bootstrap.servers</c>).</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <param name="timeProvider">The clock.</param>
    public CdcConnector(IReadOnlyDictionary<string, string> config, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(ConnectorConfigMerger.Merge(ConnectorConfig.FromValues(config ?? throw new ArgumentNullException(nameof(config)))), loggerFactory, timeProvider)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CdcConnector"/> class.</summary>
    /// <param name="effective">The connector merged with its worker, providers resolved.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <param name="timeProvider">The clock.</param>
    public CdcConnector(EffectiveConnectorConfig effective, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(effective);
        _effective = effective;
        _config = effective.Values;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<CdcConnector>();
        _time = timeProvider ?? TimeProvider.System;
        Source = new PostgresChangeSource(PostgresConnectorConfig.Parse(_config), _loggerFactory.CreateLogger<PostgresChangeSource>(), timeProvider);
        _outboxCleanup = OutboxCleanup.Create(_config, Source.Config, _loggerFactory.CreateLogger<OutboxCleanup>(), _time);
    }

    /// <summary>Gets the PostgreSQL source.</summary>
    public PostgresChangeSource Source { get; private set; }

    /// <summary>Gets the number of records Kafka has acknowledged.</summary>
    public long DeliveredCount => Interlocked.Read(ref _delivered);

    /// <summary>Gets the number of records handed to the producer and not yet acknowledged by Kafka.</summary>
    public int InFlight => _tracker.InFlight;

    /// <summary>Gets the highest position whose records are all acknowledged by Kafka.</summary>
    public ulong SafeLsn => Math.Max(_tracker.SafeLsn, Interlocked.Read(ref _acknowledgedBefore));

    /// <summary>Gets the worker's <c>offset.storage.topic</c> where source offsets are kept (default <c>connect-offsets</c>).</summary>
    public string OffsetStorageTopic => _effective.Worker["offset.storage.topic"] is { Length: > 0 } topic ? topic : "connect-offsets";

    /// <summary>Gets a value indicating whether this run stored a completed snapshot in the offsets topic.</summary>
    public bool SnapshotOffsetStored { get; private set; }

    /// <summary>Gets or sets how long a graceful stop waits for Kafka to acknowledge the records in flight.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    // Holds the slot: reads the stored offsets, streams, and stores offsets until stopped (RunAsync waits for the slot first).
    private async Task RunActiveAsync(CancellationToken stopToken)
    {
        var name = Source.Config.Name;
        using var offsets = new KafkaOffsetStore(OffsetStorageTopic, ProducerSettings(), name, _logger);
        try
        {
            var stored = await offsets.ReadAsync(Source.Config.TopicPrefix, stopToken);
            Log.OffsetsRead(_logger, name, offsets.Topic, stored?.ToJsonString() ?? "none");
            Source.SnapshotCompletedInOffsets = SourceOffsets.IsSnapshotCompleted(stored);
            Source.OffsetsLsn = SourceOffsets.Lsn(stored);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            return;
        }

        using var offsetWriterStop = new CancellationTokenSource();
        var offsetWriter = StoreOffsetsAsync(offsets, offsetWriterStop.Token);
        try
        {
            await RunCoreAsync(stopToken);
        }
        finally
        {
            await offsetWriterStop.CancelAsync();
            await offsetWriter;

            // Connect commits offsets once more when a task stops: an acknowledged snapshot must not be forgotten, or
            // the next start snapshots again.
            using var final = new CancellationTokenSource(FlushTimeout);
            await StoreOffsetsOnceAsync(offsets, final.Token);
        }
    }

    private async Task RunCoreAsync(CancellationToken stopToken)
    {
        // One streaming session: its own tracker and source, so a late report of an earlier session cannot touch
        // this one. After a reconnect the slot resumes at its confirmed_flush_lsn, which trails what Kafka acknowledged
        // (status updates are periodic, and PostgreSQL 15 does not persist a confirmed_flush_lsn that alone moved
        // across a restart): the transactions this process already delivered come again and are skipped, so only
        // the transaction that was cut off is sent twice. The session's tracker starts from nothing: its positions
        // are what this session may confirm (a new snapshot's slot must never be confirmed below its consistent point).
        var acknowledged = SafeLsn;
        Interlocked.Exchange(ref _acknowledgedBefore, acknowledged);
        var tracker = _tracker = new LsnAcknowledgementTracker();
        var source = Source;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        var channel = Channel.CreateBounded<PostgresSourceRecord>(new BoundedChannelOptions(Math.Min(Source.Config.MaxQueueSize, MaxChannelRecords))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        using var pipeline = SourceRecordPipeline.Create(_effective, new SinkRecordPipelineOptions
        {
            Converters = HostConverters.Registry,
            LoggerFactory = _loggerFactory,
            TimeProvider = _time,
        });
        using var producer = BuildProducer(DataProducerSettings());
        var sourceTask = Task.Run(() => source.RunAsync(channel.Writer, stop.Token), CancellationToken.None);
        Action<DeliveryReport<byte[]?, byte[]?>>? transactionHandler = null;
        ulong transactionHandlerLsn = 0;
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (item.Lsn != 0 && item.Lsn <= acknowledged && IsReplayed(item, acknowledged))
                {
                    Metrics.OnReplaySkipped(item);
                    continue;
                }

                if (item.Record is null)
                {
                    if (item.EndsSnapshot)
                    {
                        lock (_snapshotLock)
                        {
                            _pendingSnapshot = (item.Lsn, item.SnapshotTransactionId);
                        }
                    }

                    source.Acknowledge(tracker.Seal(item.Lsn));
                    CheckSnapshotAcknowledged();
                    Metrics.OnMarker(item);
                    continue;
                }

                Metrics.OnPolled(item.Record);

                var result = await pipeline.ProcessAsync(item.Record, CancellationToken.None);
                if (result.Record is not { } output)
                {
                    // Dropped by a transform, or failed and tolerated (errors.tolerance=all): nothing to wait for.
                    continue;
                }

                var lsn = item.Lsn;
                if (lsn != 0)
                {
                    tracker.Track(lsn);
                }

                var outboxRow = _outboxCleanup?.Candidate(item.Record);
                Action<DeliveryReport<byte[]?, byte[]?>> onDelivered;
                if (outboxRow is null)
                {
                    // Records of one transaction share their LSN: one handler per transaction, not one per record.
                    if (transactionHandler is null || transactionHandlerLsn != lsn)
                    {
                        transactionHandlerLsn = lsn;
                        transactionHandler = report => OnDelivered(report, lsn, source, tracker, stop);
                    }

                    onDelivered = transactionHandler;
                }
                else
                {
                    onDelivered = report => OnDelivered(report, lsn, source, tracker, stop, outboxRow);
                }

                var produced = await ProduceAsync(producer, output, lsn, onDelivered, stop.Token);
                if (!produced || _deliveryFailure is not null)
                {
                    break;
                }
            }
        }
        finally
        {
            // Also on a pipeline failure: the source must stop reading before it can be drained.
            await stop.CancelAsync();
            await FlushAsync(producer);
            source.MarkDrained();
            await sourceTask;
        }

        if (_deliveryFailure is not null)
        {
            throw new ConnectException($"Kafka rejected a record; connector '{Source.Config.Name}' stopped without confirming it", _deliveryFailure);
        }
    }

    // A transaction's records carry the LSN of its commit record and its closing marker the commit's end LSN, which is
    // what the tracker's safe position is made of. A record strictly below the safe position belongs to a transaction
    // whose commit ended at or before it (commit records do not overlap); a marker at or below it closes one.
    private static bool IsReplayed(PostgresSourceRecord item, ulong acknowledged) =>
        item.Record is null ? !item.EndsSnapshot : item.Lsn < acknowledged;

    private async Task<bool> ProduceAsync(
        IProducer<byte[]?, byte[]?> producer, ProducerRecord record, ulong lsn, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered, CancellationToken stopToken)
    {
        var message = ToMessage(record);
        var partition = record.Partition is { } p ? new TopicPartition(record.Topic, p) : new TopicPartition(record.Topic, Partition.Any);
        long? pausedSince = null;
        var logged = false;
        while (true)
        {
            try
            {
                producer.Produce(partition, message, onDelivered);
                return true;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.MsgSizeTooLarge)
            {
                // Retrying cannot help and skipping would lose the change: stop before its LSN is confirmed, naming it.
                throw TooLarge(record, lsn, e);
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Kafka is slower than the WAL (or down): wait for the next acknowledgement instead of dropping; the
                // bounded channel then stops WAL reading. Logged only when no acknowledgement came for a while.
                var space = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _queueSpace, space);
                pausedSince ??= _time.GetTimestamp();
                await Task.WhenAny(space.Task, Task.Delay(TimeSpan.FromMilliseconds(50), _time, CancellationToken.None));
                if (!logged && _time.GetElapsedTime(pausedSince.Value) >= QueueFullLogAfter)
                {
                    Log.ProducerQueueFull(_logger, Source.Config.Name);
                    logged = true;
                }

                if (stopToken.IsCancellationRequested)
                {
                    // Stopping while Kafka is unavailable: leave the rest unconfirmed; it is re-read after restart.
                    return false;
                }
            }
        }
    }

    private ConnectException TooLarge(ProducerRecord record, ulong lsn, Exception cause)
    {
        var size = (record.Key?.Length ?? 0) + (record.Value?.Length ?? 0) + record.Headers.Sum(h => h.Key.Length + (h.Value?.Length ?? 0));
        var limit = _config.GetValueOrDefault("producer.override.message.max.bytes") ?? "1000000 (librdkafka's default)";
        var key = record.Key is null ? "null" : System.Text.Encoding.UTF8.GetString(record.Key.AsSpan(0, Math.Min(record.Key.Length, 200)));
        var position = new NpgsqlTypes.NpgsqlLogSequenceNumber(lsn).ToString();
        return new ConnectException(
            $"Connector {Source.Config.Name}: the change event for topic {record.Topic} at LSN {position} (key {key}) is {size} bytes, " +
            $"above the producer's message.max.bytes {limit}; raise producer.override.message.max.bytes (and the topic's max.message.bytes). " +
            "The LSN is not confirmed, so the event is read again after the restart.",
            new ErrorRecordContext(Topic: record.Topic, Lsn: position),
            cause);
    }

    private void OnDelivered(
        DeliveryReport<byte[]?, byte[]?> report, ulong lsn, PostgresChangeSource source, LsnAcknowledgementTracker tracker, CancellationTokenSource stop, OutboxRow? outboxRow = null)
    {
        if (_queueSpace is not null && Interlocked.Exchange(ref _queueSpace, null) is { } space)
        {
            space.TrySetResult();
        }

        if (report.Error.IsError)
        {
            Log.DeliveryFailed(_logger, source.Config.Name, report.Topic, report.Error.Reason);
            Interlocked.CompareExchange(ref _deliveryFailure, new KafkaException(report.Error), null);
            stop.Cancel();
            return;
        }

        Interlocked.Increment(ref _delivered);
        if (outboxRow is not null)
        {
            _outboxCleanup!.Acknowledged(outboxRow);
        }

        if (lsn != 0)
        {
            source.Acknowledge(tracker.Complete(lsn));
            CheckSnapshotAcknowledged();
        }
    }

    // The snapshot's records all sit at its consistent point, sealed by the marker that ends it: once the safe position
    // reaches that point, Kafka has acknowledged every one of them.
    private void CheckSnapshotAcknowledged()
    {
        lock (_snapshotLock)
        {
            if (_pendingSnapshot is { } snapshot && _tracker.SafeLsn >= snapshot.Lsn)
            {
                _snapshotAcknowledged.TrySetResult();
            }
        }
    }

    // Every offset.flush.interval.ms (and as soon as the snapshot is acknowledged): the snapshot's completion, then the
    // delivered streaming position, which tells a later start (say, after switching from no_data to initial) that
    // there is nothing to snapshot. The streaming position itself is still taken from the slot.
    private async Task StoreOffsetsAsync(KafkaOffsetStore offsets, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(long.TryParse(
            _effective.Worker["offset.flush.interval.ms"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0
                ? ms
                : 60_000);
        while (!cancellationToken.IsCancellationRequested)
        {
            var snapshotPending = !_snapshotAcknowledged.Task.IsCompleted;
            var wait = Task.Delay(interval, _time, cancellationToken);
            await Task.WhenAny(snapshotPending ? Task.WhenAny(wait, _snapshotAcknowledged.Task) : wait);
            if (!cancellationToken.IsCancellationRequested)
            {
                await StoreOffsetsOnceAsync(offsets, cancellationToken);
            }
        }
    }

    private async Task StoreOffsetsOnceAsync(KafkaOffsetStore offsets, CancellationToken cancellationToken)
    {
        var name = Source.Config.Name;
        var server = Source.Config.TopicPrefix;
        try
        {
            (ulong Lsn, long? TxId)? snapshot;
            lock (_snapshotLock)
            {
                snapshot = _pendingSnapshot;
            }

            if (snapshot is { } completed && _snapshotAcknowledged.Task.IsCompleted && !SnapshotOffsetStored)
            {
                await offsets.WriteAsync(server, SourceOffsets.SnapshotCompleted(completed.Lsn, completed.TxId, _time.GetUtcNow()), cancellationToken);
                SnapshotOffsetStored = true;
                _offsetLsn = Math.Max(_offsetLsn, completed.Lsn);
                Log.SnapshotOffsetStored(_logger, name, offsets.Topic);
            }

            // A streaming offset has no snapshot flag, so it must never be written before the snapshot's own offset.
            var safe = SafeLsn;
            if (safe > _offsetLsn && (snapshot is null || SnapshotOffsetStored))
            {
                await offsets.WriteAsync(server, SourceOffsets.Streaming(safe, _time.GetUtcNow()), cancellationToken);
                _offsetLsn = safe;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (_snapshotAcknowledged.Task.IsCompleted && !SnapshotOffsetStored)
            {
                Log.OffsetWriteFailed(_logger, name, offsets.Topic, null);
            }
        }
        catch (KafkaException e)
        {
            Log.OffsetWriteFailed(_logger, name, offsets.Topic, e);
        }
    }

    private async Task FlushAsync(IProducer<byte[]?, byte[]?> producer)
    {
        var deadline = _time.GetUtcNow() + FlushTimeout;
        while (producer.Flush(TimeSpan.FromMilliseconds(200)) > 0)
        {
            if (_time.GetUtcNow() > deadline)
            {
                Log.FlushTimedOut(_logger, Source.Config.Name);
                return;
            }

            await Task.Yield();
        }
    }

    // The change-event producer: the common settings plus memory bounds (each overridable with producer.override.*).
    // librdkafka's own default queue is 1 GiB; 4 MiB (an eighth of the Java producer's buffer.memory) still holds ~1500
    // full Debezium envelopes, ~10 ms at full speed, enough for batching with linger.ms=5 (librdkafka also copies small
    // messages into its requests, so the native memory is about twice this). Delivery reports carry only the status: key and value are not kept on the
    // managed heap until Kafka acknowledges them (librdkafka has its own copy).
    private IProducer<byte[]?, byte[]?> BuildProducer(Dictionary<string, string> settings)
    {
        try
        {
            return new ProducerBuilder<byte[]?, byte[]?>(settings).Build();
        }
        catch (Exception e) when (e is ArgumentException or KafkaException)
        {
            // librdkafka names the property; the user wrote it as producer.override.<property> or the worker's producer.<property>.
            throw new ConnectException(
                $"Connector {Source.Config.Name}: invalid producer setting (producer.override.* or the worker's producer.*): {e.Message}", e);
        }
    }

    private Dictionary<string, string> DataProducerSettings()
    {
        var settings = ProducerSettings();
        settings.TryAdd("queue.buffering.max.kbytes", "4096");
        settings.TryAdd("dotnet.producer.delivery.report.fields", "status");
        return settings;
    }

    private Dictionary<string, string> ProducerSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["linger.ms"] = "5",
        };
        foreach (var (key, value) in _config)
        {
            if (key.StartsWith("producer.override.", StringComparison.Ordinal))
            {
                settings[key["producer.override.".Length..]] = value;
            }
        }

        settings["bootstrap.servers"] = _config.GetValueOrDefault("bootstrap.servers")
            ?? throw new ConnectException($"Connector '{Source.Config.Name}' has no bootstrap.servers (set KAFKA_BOOTSTRAP_SERVERS or a worker config)");

        // Never lose or reorder a record: idempotent, all in-sync replicas, retry until Kafka is back.
        settings["enable.idempotence"] = "true";
        settings["acks"] = "all";
        settings["message.timeout.ms"] = "0";
        return settings;
    }

    private static Message<byte[]?, byte[]?> ToMessage(ProducerRecord record)
    {
        var message = new Message<byte[]?, byte[]?> { Key = record.Key, Value = record.Value };
        if (record.Timestamp is { } timestamp)
        {
            message.Timestamp = new Timestamp(timestamp, TimestampType.CreateTime);
        }

        if (record.Headers.Count > 0)
        {
            var headers = new Headers();
            foreach (var header in record.Headers)
            {
                headers.Add(header.Key, header.Value);
            }

            message.Headers = headers;
        }

        return message;
    }
}
