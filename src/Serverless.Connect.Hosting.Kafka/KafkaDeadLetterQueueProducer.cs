using Confluent.Kafka;
using Serverless.Connect.Runtime.DeadLetterQueue;

namespace Serverless.Connect.Hosting.Kafka;

/// <summary>
/// Produces dead-letter records to Kafka with an idempotent, <c>acks=all</c> producer. <see cref="ProduceAsync"/> completes
/// only when the broker acknowledged the record, so the caller may then commit the original record's offset.
/// </summary>
/// <remarks>
/// No topic is created here: the DLQ topic is created by the broker on first produce (auto-creation), as Connect would
/// create it with one partition when it is missing. The record has no partition, so the producer's partitioner chooses.
/// </remarks>
public sealed class KafkaDeadLetterQueueProducer : IDeadLetterQueueProducer, IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly TimeSpan _flushTimeout;

    /// <summary>Creates a producer.</summary>
    /// <param name="config">Client settings (at least <c>bootstrap.servers</c>); acks and idempotence are forced.</param>
    /// <param name="flushTimeout">How long <see cref="Dispose"/> waits for outstanding deliveries; 10 s when null.</param>
    public KafkaDeadLetterQueueProducer(ProducerConfig config, TimeSpan? flushTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = new ProducerConfig(new Dictionary<string, string>(config));
        settings.Acks = Acks.All;
        settings.EnableIdempotence = true;
        _producer = new ProducerBuilder<byte[]?, byte[]?>(settings).Build();
        _flushTimeout = flushTimeout ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>Creates a producer for these bootstrap servers.</summary>
    /// <param name="bootstrapServers">The comma-separated broker list.</param>
    public KafkaDeadLetterQueueProducer(string bootstrapServers)
        : this(new ProducerConfig { BootstrapServers = bootstrapServers, ClientId = "serverless-connect-dlq" })
    {
    }

    /// <summary>Produces one record and waits for its delivery report.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops waiting (the record may still be delivered).</param>
    /// <returns>A task that completes when the record is acknowledged by all in-sync replicas.</returns>
    /// <exception cref="ProduceException{TKey, TValue}">The record could not be delivered.</exception>
    public async ValueTask ProduceAsync(DeadLetterRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var headers = new Headers();
        foreach (var header in record.Headers)
        {
            headers.Add(header.Key, header.Value);
        }

        var message = new Message<byte[]?, byte[]?>
        {
            Key = record.Key,
            Value = record.Value,
            Headers = headers,
            Timestamp = record.Timestamp is { } ms ? new Timestamp(ms, TimestampType.CreateTime) : Timestamp.Default,
        };
        await _producer.ProduceAsync(record.Topic, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for outstanding deliveries (bounded), then releases the client.</summary>
    public void Dispose()
    {
        _producer.Flush(_flushTimeout);
        _producer.Dispose();
    }
}
