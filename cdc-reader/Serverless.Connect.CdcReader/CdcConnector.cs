using System.Threading.Channels;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Converters;
using Serverless.Connect.Errors;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.CdcReader;

/// <summary>
/// One running PostgresConnector: the source feeds a bounded channel, an idempotent acks=all producer writes to Kafka,
/// and slot positions are confirmed only once every record at or below them has been acknowledged by Kafka.
/// </summary>
public sealed class CdcConnector
{
    private const string JsonConverterClass = "org.apache.kafka.connect.json.JsonConverter";

    private readonly IReadOnlyDictionary<string, string> _config;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LsnAcknowledgementTracker _tracker = new();
    private Exception? _deliveryFailure;
    private long _delivered;

    /// <summary>Initializes a new instance of the <see cref="CdcConnector"/> class.</summary>
    /// <param name="config">The resolved connector configuration, including <c>bootstrap.servers</c>.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <param name="timeProvider">The clock.</param>
    public CdcConnector(IReadOnlyDictionary<string, string> config, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger<CdcConnector>();
        _time = timeProvider ?? TimeProvider.System;
        Source = new PostgresChangeSource(PostgresConnectorConfig.Parse(config), factory.CreateLogger<PostgresChangeSource>(), timeProvider);
    }

    /// <summary>Gets the PostgreSQL source.</summary>
    public PostgresChangeSource Source { get; }

    /// <summary>Gets the number of records Kafka has acknowledged.</summary>
    public long DeliveredCount => Interlocked.Read(ref _delivered);

    /// <summary>Gets the number of records handed to the producer and not yet acknowledged by Kafka.</summary>
    public int InFlight => _tracker.InFlight;

    /// <summary>Gets the highest position whose records are all acknowledged by Kafka.</summary>
    public ulong SafeLsn => _tracker.SafeLsn;

    /// <summary>Gets or sets how long a graceful stop waits for Kafka to acknowledge the records in flight.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs until <paramref name="stopToken"/> is cancelled, then drains, flushes, confirms and returns.</summary>
    /// <param name="stopToken">Requests a graceful stop.</param>
    /// <returns>A task that completes when the connector has stopped.</returns>
    /// <exception cref="ConnectException">Setup failed or Kafka rejected a record permanently.</exception>
    public async Task RunAsync(CancellationToken stopToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        var channel = Channel.CreateBounded<PostgresSourceRecord>(new BoundedChannelOptions(Source.Config.MaxQueueSize)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        var serializer = new RecordSerializer(CreateConverter("key.converter", isKey: true), CreateConverter("value.converter", isKey: false));
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(ProducerSettings()).Build();
        var sourceTask = Task.Run(() => Source.RunAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (item.Record is null)
                {
                    Source.Acknowledge(_tracker.Seal(item.Lsn));
                    continue;
                }

                var message = serializer.ToMessage(item.Record);
                var lsn = item.Lsn;
                if (lsn != 0)
                {
                    _tracker.Track(lsn);
                }

                var produced = await ProduceAsync(producer, item.Record.Topic, message, report => OnDelivered(report, lsn, stop), stop.Token);
                if (!produced || _deliveryFailure is not null)
                {
                    break;
                }
            }
        }
        finally
        {
            await FlushAsync(producer);
            Source.MarkDrained();
            await sourceTask;
        }

        if (_deliveryFailure is not null)
        {
            throw new ConnectException($"Kafka rejected a record; connector '{Source.Config.Name}' stopped without confirming it", _deliveryFailure);
        }
    }

    private async Task<bool> ProduceAsync(
        IProducer<byte[]?, byte[]?> producer, string topic, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered, CancellationToken stopToken)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivered);
                return true;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Kafka is slow or down: wait instead of dropping; the bounded channel then stops WAL reading.
                Log.ProducerQueueFull(_logger, Source.Config.Name);
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
                if (stopToken.IsCancellationRequested)
                {
                    // Stopping while Kafka is unavailable: leave the rest unconfirmed; it is re-read after restart.
                    return false;
                }
            }
        }
    }

    private void OnDelivered(DeliveryReport<byte[]?, byte[]?> report, ulong lsn, CancellationTokenSource stop)
    {
        if (report.Error.IsError)
        {
            Log.DeliveryFailed(_logger, Source.Config.Name, report.Topic, report.Error.Reason);
            Interlocked.CompareExchange(ref _deliveryFailure, new KafkaException(report.Error), null);
            stop.Cancel();
            return;
        }

        Interlocked.Increment(ref _delivered);
        if (lsn != 0)
        {
            Source.Acknowledge(_tracker.Complete(lsn));
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

    private IConverter CreateConverter(string property, bool isKey)
    {
        var className = _config.GetValueOrDefault(property) ?? JsonConverterClass;
        var prefix = property + ".";
        var settings = _config.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
        return ConverterRegistry.Default.Create(className, settings, isKey);
    }
}
