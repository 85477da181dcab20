using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Kafka.Lag;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Cli.Tests;

/// <summary>
/// Scale-out as KEDA does it: standalone sink workers in one group drain a backlog while the lag is sampled; a worker
/// joins mid-run. The long version with throughput figures is the bench's <c>scaling</c> scenario.
/// </summary>
public sealed class ScalingTests(ITestOutputHelper output)
{
    private const int Partitions = 8;
    private const int Records = 4000;

    [Fact]
    public async Task AWorkerJoiningMidDrain_LosesNothing_AndTheLagFollowsKedasFormula_DownToZeroReplicas()
    {
        var topic = await TestKafka.CreateTopicAsync(Partitions);
        var name = TestNames.Unique("c", nameof(ScalingTests), '-', 60);
        var group = "connect-" + name;
        await using var server = new ElasticsearchContractServer();
        await ProduceBacklogAsync(topic);
        // Slow writes (4 ms per document, 20 per batch) until the second worker holds partitions, so it joins mid-drain.
        server.Faults.ItemFault = _ =>
        {
            Thread.Sleep(4);
            return null;
        };
        var options = new KafkaScalerOptions { LagThreshold = 100, OffsetResetPolicy = OffsetResetPolicy.Earliest };
        using var scaler = new ConsumerLagScaler(new AdminClientConfig { BootstrapServers = TestKafka.BootstrapServers }, group, [topic], options);
        var before = await scaler.PollAsync(CancellationToken.None);
        Assert.Equal(Records, before.TotalLag);
        Assert.Equal(Partitions, before.DesiredReplicas);

        await using var first = Worker(name, topic, server);
        await using var second = Worker(name, topic, server);
        using var stop = new CancellationTokenSource();
        var samples = new List<ScalingDecision>();
        var firstRun = first.RunAsync(stop.Token);
        await WaitUntilAsync(() => first.RecordsPut >= 100, "the first worker is writing");
        var secondRun = second.RunAsync(stop.Token);
        var joining = DateTime.UtcNow;
        await WaitUntilAsync(() => second.PartitionCount > 0 && first.PartitionCount + second.PartitionCount == Partitions, "the partitions are shared");
        output.WriteLine($"partitions shared {(DateTime.UtcNow - joining).TotalSeconds:F1} s after the second worker started; worker 1 had put {first.RecordsPut}");
        server.Faults.ItemFault = null;
        await WaitUntilAsync(
            async () =>
            {
                var decision = await scaler.PollAsync(CancellationToken.None);
                samples.Add(decision);
                return decision.TotalLag == 0;
            },
            "the backlog is drained");
        await stop.CancelAsync();

        Assert.Equal(SinkTaskState.Stopped, (await firstRun).State);
        Assert.Equal(SinkTaskState.Stopped, (await secondRun).State);
        output.WriteLine($"worker 1 put {first.RecordsPut}, worker 2 put {second.RecordsPut}; lag samples: {string.Join(" ", samples.Select(s => $"{s.TotalLag}->{s.DesiredReplicas}"))}");
        Assert.True(second.RecordsPut > 0, "the joining worker wrote records of the partitions it took over");
        foreach (var sample in samples)
        {
            var total = sample.Partitions.Sum(p => p.Lag);
            Assert.Equal(total, sample.TotalLag);
            Assert.Equal(total == 0 ? 0 : (int)Math.Min((total + 99) / 100, Partitions), sample.DesiredReplicas);
        }

        // Nothing is produced during the drain and commits only move forward, so the lag never rises.
        Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.True(pair.Second.TotalLag <= pair.First.TotalLag));
        var documents = server.Cluster.Read(indices => indices[topic].Live.ToDictionary(d => d.Key, d => d.Value.Source!["seq"]!.GetValue<int>(), StringComparer.Ordinal));
        Assert.Equal(Records, documents.Count);
        Assert.All(Enumerable.Range(0, Records), i => Assert.Equal(i, documents[$"k{i}"]));

        var (exit, stdout, stderr) = await CliRunner.ProcessAsync(string.Empty, "lag", "--bootstrap-servers", TestKafka.BootstrapServers, "--group", group, "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(0, json["totalLag"]!.GetValue<long>());
        Assert.Equal(0, json["desiredReplicas"]!.GetValue<int>());
        Assert.Equal(Partitions, json["partitions"]!.AsArray().Count);
        Assert.All(json["partitions"]!.AsArray(), p => Assert.Equal(p!["end"]!.GetValue<long>(), p["committed"]!.GetValue<long>()));
    }

    private static StandaloneSinkHost Worker(string name, string topic, ElasticsearchContractServer server)
    {
        var connector = ConnectorConfig.FromValues(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["connector.class"] = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
            ["topics"] = topic,
            ["connection.url"] = server.Url.AbsoluteUri.TrimEnd('/'),
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["schema.ignore"] = "true",
            ["consumer.override.max.poll.records"] = "20",
            // The mock cluster holds a rebalance open for the members' session timeout (45 s by default).
            ["consumer.override.session.timeout.ms"] = "6000",
            ["consumer.override.heartbeat.interval.ms"] = "1000",
        });
        var worker = WorkerConfig.FromValues([new(WorkerConfig.BootstrapServersKey, TestKafka.BootstrapServers)]);
        return StandaloneSinkHost.Create(ConnectorConfigMerger.Merge(connector, worker), new SinkHostOptions());
    }

    private static async Task ProduceBacklogAsync(string topic)
    {
        using var producer = TestKafka.CreateProducer();
        for (var i = 0; i < Records; i++)
        {
            // Round-robin over the partitions so each holds Records / Partitions records.
            producer.Produce(
                new TopicPartition(topic, i % Partitions),
                new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes($"k{i}"), Value = Encoding.UTF8.GetBytes($"{{\"seq\":{i}}}") });
        }

        await Task.Run(() => Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60))));
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }
}
