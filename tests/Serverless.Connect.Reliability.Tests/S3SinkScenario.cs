using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Confluent.Kafka;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.TestUtilities;
using Serverless.Connect.TestUtilities.FaultProxy;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// One S3 sink test: a topic on the shared Kafka, a bucket of its own in s3rver and an <see cref="HttpFaultProxy"/> that
/// the sink's <c>store.url</c> points at. JSON objects, DefaultPartitioner: each file holds exactly the records
/// [k·flush.size, (k+1)·flush.size) of its partition, so the expected key set is known.
/// </summary>
internal sealed class S3SinkScenario : IAsyncDisposable
{
    private S3SinkScenario(TestBucket bucket, HttpFaultProxy proxy, string topic, int partitions, string name)
    {
        Bucket = bucket;
        Proxy = proxy;
        Topic = topic;
        Partitions = partitions;
        Name = name;
        var services = LocalServices.Current;
        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["connector.class"] = "io.confluent.connect.s3.S3SinkConnector",
            ["topics"] = topic,
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["s3.bucket.name"] = bucket.Name,
            ["s3.region"] = "us-east-1",
            ["store.url"] = proxy.Url.ToString(),
            ["aws.access.key.id"] = services.S3AccessKey,
            ["aws.secret.access.key"] = services.S3SecretKey,
            ["storage.class"] = "io.confluent.connect.s3.storage.S3Storage",
            ["format.class"] = "io.confluent.connect.s3.format.json.JsonFormat",
            ["partitioner.class"] = "io.confluent.connect.storage.partitioner.DefaultPartitioner",
            ["flush.size"] = FlushSize.ToString(CultureInfo.InvariantCulture),
            // Confluent's pause after a retriable failure is 5 s; shorter so the test recovers quickly.
            ["retry.backoff.ms"] = "500",
            ["consumer.override.max.poll.records"] = "250",
            ["consumer.override.session.timeout.ms"] = "6000",
        };
    }

    public const int FlushSize = 250;

    public TestBucket Bucket { get; }

    public HttpFaultProxy Proxy { get; }

    public string Topic { get; }

    public int Partitions { get; }

    public string Name { get; }

    public Dictionary<string, string> Settings { get; }

    public static async Task<S3SinkScenario> CreateAsync(int partitions, [CallerMemberName] string caller = "")
    {
        var bucket = await TestBucket.CreateAsync(caller);
        var proxy = HttpFaultProxy.Start(LocalServices.Current.S3Endpoint);
        var topic = await TestKafka.CreateTopicAsync(partitions, caller);
        return new S3SinkScenario(bucket, proxy, topic, partitions, TestNames.Unique("c", caller, '-', 60));
    }

    public EffectiveConnectorConfig Config()
    {
        var worker = WorkerConfig.FromValues([new(WorkerConfig.BootstrapServersKey, TestKafka.BootstrapServers)]);
        return ConnectorConfigMerger.Merge(ConnectorConfig.FromValues(Settings), worker);
    }

    public StandaloneSinkHost CreateHost() =>
        StandaloneSinkHost.Create(Config(), new SinkHostOptions { RedeliveryBackoff = TimeSpan.FromMilliseconds(50), RedeliveryBackoffMax = TimeSpan.FromSeconds(1) });

    /// <summary>Writes the connector and a worker file for <c>./connect sink</c>.</summary>
    public (string Config, string Worker) WriteFiles(string directory)
    {
        var config = Path.Combine(directory, "connector.properties");
        File.WriteAllLines(config, Settings.Select(e => $"{e.Key}={e.Value.Replace(":", "\\:", StringComparison.Ordinal)}"));
        var worker = Path.Combine(directory, "worker.properties");
        File.WriteAllLines(worker, ["bootstrap.servers=" + TestKafka.BootstrapServers.Replace(":", "\\:", StringComparison.Ordinal), "group.id=connect-cluster"]);
        return (config, worker);
    }

    /// <summary>Produces offsets [from, to) of every partition: <c>{"p":p,"o":o,"payload":…}</c>.</summary>
    public async Task ProduceAsync(int from, int to)
    {
        using var producer = TestKafka.CreateProducer();
        var failures = 0;
        for (var o = from; o < to; o++)
        {
            for (var p = 0; p < Partitions; p++)
            {
                var value = $"{{\"p\":{p},\"o\":{o},\"payload\":\"{new string((char)('a' + (o % 26)), 120)}\"}}";
                producer.Produce(new TopicPartition(Topic, p), new Message<byte[]?, byte[]?>
                {
                    Key = Encoding.UTF8.GetBytes($"k{o}"),
                    Value = Encoding.UTF8.GetBytes(value),
                }, r =>
                {
                    if (r.Error.IsError)
                    {
                        Interlocked.Increment(ref failures);
                    }
                });
            }
        }

        await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, failures);
    }

    /// <summary>The keys under <c>topics/</c>, read from s3rver directly (not through the proxy).</summary>
    public async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await Bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket.Name, Prefix = "topics/", ContinuationToken = token });
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        return keys;
    }

    /// <summary>Every record of every object: (key, partition, offset).</summary>
    public async Task<List<(string Key, int P, long O)>> RecordsAsync()
    {
        var rows = new List<(string, int, long)>();
        foreach (var key in await KeysAsync())
        {
            using var response = await Bucket.Client.GetObjectAsync(Bucket.Name, key);
            using var reader = new StreamReader(response.ResponseStream);
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                rows.Add((key, json.RootElement.GetProperty("p").GetInt32(), json.RootElement.GetProperty("o").GetInt64()));
            }
        }

        return rows;
    }

    /// <summary>The key the sink must write for the file starting at <paramref name="start"/> of <paramref name="partition"/>.</summary>
    public string ExpectedKey(int partition, long start) =>
        $"topics/{Topic}/partition={partition}/{Topic}+{partition}+{start:D10}.json";

    /// <summary>The group's committed offsets (0 when none).</summary>
    public long[] Committed()
    {
        using var consumer = TestKafka.CreateConsumer("connect-" + Name);
        var committed = consumer.Committed(Enumerable.Range(0, Partitions).Select(p => new TopicPartition(Topic, p)), TimeSpan.FromSeconds(10));
        return committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value < 0 ? 0 : c.Offset.Value).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Bucket.DisposeAsync();
    }
}
