using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Hosting.Kafka.Tests;

/// <summary>One test's topic, connector config and Elasticsearch contract server, with Kafka helpers.</summary>
internal sealed class SinkScenario : IAsyncDisposable
{
    private SinkScenario(string topic, int partitions, string name, string bootstrapServers)
    {
        BootstrapServers = bootstrapServers;
        Topic = topic;
        Partitions = partitions;
        Name = name;
        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["connector.class"] = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
            ["topics"] = topic,
            ["connection.url"] = Server.Url.AbsoluteUri.TrimEnd('/'),
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["schema.ignore"] = "true",
            ["behavior.on.null.values"] = "delete",
            ["max.retries"] = "3",
            ["retry.backoff.ms"] = "5",
            // A hard-stopped member must leave the group quickly for the restart test.
            ["consumer.override.session.timeout.ms"] = "6000",
        };
    }

    public string Topic { get; }

    public string BootstrapServers { get; }

    public int Partitions { get; }

    public string Name { get; }

    public string GroupId => "connect-" + Name;

    public ElasticsearchContractServer Server { get; } = new();

    public Dictionary<string, string> Settings { get; }

    public static async Task<SinkScenario> CreateAsync(int partitions, [System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        var topic = await TestKafka.CreateTopicAsync(partitions, caller);
        return new SinkScenario(topic, partitions, TestNames.Unique("c", caller, '-', 60), TestKafka.BootstrapServers);
    }

    /// <summary>A scenario on an in-process mock cluster, for fault injection on the broker.</summary>
    public static SinkScenario OnMock(MockKafkaCluster cluster, int partitions, [System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        var topic = TestKafka.UniqueTopic(caller);
        cluster.CreateTopic(topic, partitions);
        return new SinkScenario(topic, partitions, TestNames.Unique("c", caller, '-', 60), cluster.BootstrapServers);
    }

    public EffectiveConnectorConfig Config()
    {
        var worker = WorkerConfig.FromValues([new(WorkerConfig.BootstrapServersKey, BootstrapServers)]);
        return ConnectorConfigMerger.Merge(ConnectorConfig.FromValues(Settings), worker);
    }

    /// <summary>Writes the connector as a properties file and a worker file pointing at this scenario's Kafka, for <c>./connect sink</c>.</summary>
    public (string Config, string Worker) WriteFiles(string directory)
    {
        var config = Path.Combine(directory, "connector.properties");
        File.WriteAllLines(config, Settings.Select(e => $"{e.Key}={e.Value.Replace(":", "\\:", StringComparison.Ordinal)}"));
        var worker = Path.Combine(directory, "worker.properties");
        File.WriteAllLines(worker, ["bootstrap.servers=" + BootstrapServers.Replace(":", "\\:", StringComparison.Ordinal), "group.id=connect-cluster"]);
        return (config, worker);
    }

    public StandaloneSinkHost CreateHost(SinkHostOptions? options = null) =>
        StandaloneSinkHost.Create(Config(), options ?? new SinkHostOptions { RedeliveryBackoff = TimeSpan.FromMilliseconds(20), RedeliveryBackoffMax = TimeSpan.FromMilliseconds(200) });

    /// <summary>Produces (key, JSON value or null) records in order (idempotent, so per-partition order holds); returns their delivery results.</summary>
    public Task<List<DeliveryResult<byte[]?, byte[]?>>> ProduceAsync(IEnumerable<(string Key, string? Value)> records, int? partition = null) =>
        ProduceRawAsync(records.Select(r => (r.Key, r.Value is null ? null : Encoding.UTF8.GetBytes(r.Value))), partition);

    /// <summary>Produces (key, raw value or null) records in order, e.g. values a converter encoded; returns their delivery results.</summary>
    public async Task<List<DeliveryResult<byte[]?, byte[]?>>> ProduceRawAsync(IEnumerable<(string Key, byte[]? Value)> records, int? partition = null)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).Build();
        var list = records.ToList();
        var results = new DeliveryResult<byte[]?, byte[]?>[list.Count];
        var failures = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var index = i;
            var (key, value) = list[i];
            var message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = value };
            void Delivered(DeliveryReport<byte[]?, byte[]?> report)
            {
                results[index] = report;
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            if (partition is { } p)
            {
                producer.Produce(new TopicPartition(Topic, p), message, Delivered);
            }
            else
            {
                producer.Produce(Topic, message, Delivered);
            }
        }

        await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, failures);
        Assert.DoesNotContain(null, results);
        return [.. results];
    }

    public Dictionary<string, JsonObject> Documents() => Server.Cluster.Read(indices =>
        indices.TryGetValue(Topic, out var index)
            ? index.Live.ToDictionary(d => d.Key, d => d.Value.Source!.DeepClone().AsObject(), StringComparer.Ordinal)
            : new Dictionary<string, JsonObject>(StringComparer.Ordinal));

    public List<TopicPartition> TopicPartitions() => [.. Enumerable.Range(0, Partitions).Select(p => new TopicPartition(Topic, p))];

    /// <summary>The group's committed offsets (Unset when none), read with a consumer's <c>Committed()</c>.</summary>
    public Dictionary<int, long> Committed()
    {
        using var consumer = CreateConsumer(GroupId);
        return consumer.Committed(TopicPartitions(), TimeSpan.FromSeconds(10)).ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
    }

    public Dictionary<int, long> EndOffsets()
    {
        using var consumer = CreateConsumer(GroupId);
        return TopicPartitions().ToDictionary(tp => tp.Partition.Value, tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value);
    }

    public bool AllCommitted()
    {
        var end = EndOffsets();
        var committed = Committed();
        return end.All(e => e.Value == 0 || committed[e.Key] == e.Value);
    }

    /// <summary>Reads <paramref name="expected"/> records of a DLQ topic from the beginning (it is auto-created on first produce).</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> ReadTopic(string topic, int expected)
    {
        using var consumer = CreateConsumer(TestKafka.UniqueGroup());
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                records.Add(record);
            }
        }

        // One extra poll shows nothing unexpected follows.
        if (consumer.Consume(TimeSpan.FromSeconds(2)) is { IsPartitionEOF: false } extra)
        {
            records.Add(extra);
        }

        consumer.Close();
        return records;
    }

    public IConsumer<byte[]?, byte[]?> CreateConsumer(string groupId) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
