using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Serverless.Connect.Errors;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// Kafka Connect's source-offset store on the worker's <c>offset.storage.topic</c>: records keyed by the JSON
/// <c>["&lt;connector&gt;",{"server":"&lt;topic.prefix&gt;"}]</c> whose value is the connector's offset map (JSON, schemas
/// off), the newest record of a key winning, a null value deleting it, as Connect's <c>KafkaOffsetBackingStore</c> reads it.
/// </summary>
internal sealed class KafkaOffsetStore : IDisposable
{
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(10);
    private readonly string _topic;
    private readonly Dictionary<string, string> _clientSettings;
    private readonly ILogger _logger;
    private readonly string _connector;
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;

    public KafkaOffsetStore(string topic, IReadOnlyDictionary<string, string> producerSettings, string connector, ILogger logger)
    {
        _topic = topic;
        _connector = connector;
        _logger = logger;
        _clientSettings = new Dictionary<string, string>(producerSettings, StringComparer.Ordinal);

        // Java's default partitioner hashes keys with murmur2: the same key lands on the partition Connect would use.
        _clientSettings["partitioner"] = "murmur2_random";
        _producer = new Lazy<IProducer<byte[]?, byte[]?>>(() => new ProducerBuilder<byte[]?, byte[]?>(_clientSettings).Build());
    }

    public string Topic => _topic;

    /// <summary>Connect's offsets-topic key for a Debezium connector partition <c>{"server": serverName}</c>.</summary>
    public static byte[] Key(string connector, string serverName) =>
        Encoding.UTF8.GetBytes(new JsonArray(connector, new JsonObject { ["server"] = serverName }).ToJsonString());

    /// <summary>
    /// Reads the topic from the beginning to its end offsets and returns the newest offset of this connector's
    /// partition, or null when there is none. Retries while Kafka is unreachable, until <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task<JsonObject?> ReadAsync(string serverName, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await Task.Run(() => Read(serverName, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (KafkaException e)
            {
                // Connect does not start a task before its offsets are read: wait for Kafka instead of guessing.
                Log.OffsetReadFailed(_logger, _connector, _topic, e.Error.Reason);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes this connector's offset and waits until Kafka (acks=all) has acknowledged it.</summary>
    public async Task WriteAsync(string serverName, JsonObject offset, CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]?> { Key = Key(_connector, serverName), Value = Encoding.UTF8.GetBytes(offset.ToJsonString()) };
        await _producer.Value.ProduceAsync(_topic, message, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Dispose();
        }
    }

    private JsonObject? Read(string serverName, CancellationToken cancellationToken)
    {
        List<TopicPartition> partitions;
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _clientSettings["bootstrap.servers"] }).Build())
        {
            var topic = admin.GetMetadata(_topic, s_requestTimeout).Topics.Single(t => t.Topic == _topic);
            if (topic.Error.Code is ErrorCode.UnknownTopicOrPart || topic.Partitions.Count == 0)
            {
                return null;
            }

            if (topic.Error.IsError)
            {
                throw new KafkaException(topic.Error);
            }

            partitions = topic.Partitions.Select(p => new TopicPartition(_topic, p.PartitionId)).ToList();
        }

        var config = new ConsumerConfig
        {
            BootstrapServers = _clientSettings["bootstrap.servers"],

            // assign() only: the group id is never joined or committed to, librdkafka merely insists on one.
            GroupId = "serverless-connect-offsets-reader",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            AllowAutoCreateTopics = false,
            IsolationLevel = IsolationLevel.ReadCommitted,
        };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        var remaining = new Dictionary<Partition, long>();
        foreach (var partition in partitions)
        {
            var watermarks = consumer.QueryWatermarkOffsets(partition, s_requestTimeout);
            if (watermarks.High > watermarks.Low)
            {
                remaining[partition.Partition] = watermarks.High.Value;
            }
        }

        JsonObject? newest = null;
        if (remaining.Count == 0)
        {
            return null;
        }

        consumer.Assign(remaining.Keys.Select(p => new TopicPartitionOffset(_topic, p, Offset.Beginning)));
        while (remaining.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null)
            {
                continue;
            }

            var partition = result.Partition;
            if (!result.IsPartitionEOF && result.Message is { } message && IsOurs(message.Key, serverName))
            {
                newest = message.Value is null ? null : ParseOffset(message.Value, result.TopicPartitionOffset);
            }

            if (remaining.TryGetValue(partition, out var end) && (result.IsPartitionEOF || result.Offset.Value + 1 >= end))
            {
                remaining.Remove(partition);
            }
        }

        consumer.Close();
        return newest;
    }

    private JsonObject ParseOffset(byte[] value, TopicPartitionOffset position)
    {
        try
        {
            return JsonNode.Parse(value) as JsonObject
                ?? throw new ConnectException($"The source offset of connector '{_connector}' at {position} in {_topic} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ConnectException($"The source offset of connector '{_connector}' at {position} in {_topic} is not valid JSON: {e.Message}", e);
        }
    }

    private bool IsOurs(byte[]? key, string serverName)
    {
        if (key is null)
        {
            return false;
        }

        try
        {
            // Compare structurally: another writer (Kafka Connect itself) may order or space the JSON differently.
            return JsonNode.Parse(key) is JsonArray { Count: 2 } array
                && array[0] is JsonValue name && name.TryGetValue<string>(out var connector) && connector == _connector
                && array[1] is JsonObject partition && partition.Count == 1
                && partition["server"] is JsonValue server && server.TryGetValue<string>(out var value) && value == serverName;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
