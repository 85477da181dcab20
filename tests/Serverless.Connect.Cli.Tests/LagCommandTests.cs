using System.Text.Json.Nodes;
using Confluent.Kafka;
using Serverless.Connect.Cli.Commands;
using Serverless.Connect.Kafka.Lag;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Cli.Tests;

public sealed class LagCommandTests
{
    [Fact]
    public async Task Json_ReportsEveryPartition_AndKedasReplicaCount_ForAGroupWithKnownOffsets()
    {
        var (topic, group) = await GroupWithKnownOffsetsAsync();

        var (exit, stdout, stderr) = await CliRunner.ProcessAsync(string.Empty, "lag", "--bootstrap-servers", TestKafka.BootstrapServers, "--group", group, "--topic", topic, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(group, json["group"]!.GetValue<string>());
        // 25 + 0 + 1 + 1: a partition without a committed offset counts 1 under offsetResetPolicy=latest (KEDA).
        Assert.Equal(27, json["totalLag"]!.GetValue<long>());
        Assert.Equal(3, json["desiredReplicas"]!.GetValue<int>());
        var partitions = json["partitions"]!.AsArray().Select(p => (
            p!["topic"]!.GetValue<string>(),
            p["partition"]!.GetValue<int>(),
            p["committed"]?.GetValue<long>(),
            p["end"]!.GetValue<long>(),
            p["lag"]!.GetValue<long>())).ToList();
        Assert.Equal(
            [(topic, 0, 5L, 30L, 25L), (topic, 1, 20L, 20L, 0L), (topic, 2, null, 10L, 1L), (topic, 3, null, 0L, 1L)],
            partitions);
    }

    [Theory]
    [InlineData(new string[0], 27, 3)]
    [InlineData(new[] { "--offset-reset-policy", "earliest" }, 35, 4)]
    [InlineData(new[] { "--scale-to-zero-on-invalid-offset" }, 25, 3)]
    [InlineData(new[] { "--lag-threshold", "100" }, 27, 1)]
    [InlineData(new[] { "--activation-lag-threshold", "27" }, 27, 0)]
    [InlineData(new[] { "--activation-lag-threshold", "26" }, 27, 3)]
    [InlineData(new[] { "--lag-threshold", "1" }, 27, 4)]
    [InlineData(new[] { "--lag-threshold", "1", "--allow-idle-consumers" }, 27, 27)]
    [InlineData(new[] { "--lag-threshold", "1", "--limit-to-partitions-with-lag" }, 27, 3)]
    public async Task Flags_FollowKedasTriggerKeys(string[] flags, long totalLag, int replicas)
    {
        var (topic, group) = await GroupWithKnownOffsetsAsync();

        var (exit, stdout, stderr) = await InProcessAsync(["--topic", topic, "--json", .. flags], group);

        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(totalLag, json["totalLag"]!.GetValue<long>());
        Assert.Equal(replicas, json["desiredReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutTopic_UsesTheGroupsCommittedTopics_AndPrintsATable()
    {
        var (topic, group) = await GroupWithKnownOffsetsAsync();

        var (exit, stdout, stderr) = await InProcessAsync([], group);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"group {group}", lines[0]);
        Assert.Matches(@"^TOPIC\s+PARTITION\s+COMMITTED\s+END\s+LAG$", lines[1]);
        Assert.Matches($@"^{topic}\s+0\s+5\s+30\s+25$", lines[2]);
        Assert.Matches($@"^{topic}\s+2\s+-\s+10\s+1$", lines[4]);
        Assert.Equal("total lag 27 over 4 partitions (3 with lag)", lines[6]);
        Assert.StartsWith("desiredReplicas 3 (active: lagThreshold 10, activationLagThreshold 0", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PrintsOneJsonObjectPerPoll_UntilStopped()
    {
        var (topic, group) = await GroupWithKnownOffsetsAsync();
        // Stops after the second poll, not after a fixed time, so a slow machine cannot make it look like one poll.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new LineSignalWriter(2, stop.Cancel);

        var exit = await LagCommand.RunAsync(
            new LagArguments(TestKafka.BootstrapServers, group, topic, new KafkaScalerOptions(), WatchSeconds: 0.2, Json: true), output, new StringWriter(), stop.Token);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, $"{lines.Length} polls before the 60 s limit");
        Assert.All(lines, line => Assert.Equal(27, JsonNode.Parse(line)!["totalLag"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("--lag-threshold", "0", "--lag-threshold must be a positive number")]
    [InlineData("--limit-to-partitions-with-lag", null, "--limit-to-partitions-with-lag needs --topic")]
    [InlineData("--watch", "0", "--watch must be a positive number")]
    public async Task BadFlags_AreUsageErrors(string flag, string? value, string message)
    {
        string[] args = value is null ? [flag] : [flag, value];

        var (exit, _, stderr) = await InProcessAsync(args, "g");

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingGroup_IsAUsageError()
    {
        var (exit, _, stderr) = await CliRunner.ProcessAsync(string.Empty, "lag", "--bootstrap-servers", TestKafka.BootstrapServers);

        Assert.Equal(2, exit);
        Assert.Contains("--group", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableKafka_ExitsOne_NamingTheServers()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await LagCommand.RunAsync(new LagArguments("127.0.0.1:1", "g", "t", new KafkaScalerOptions(), TimeoutSeconds: 2), output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("cannot read group 'g' from Kafka at 127.0.0.1:1", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    /// <summary>Runs the verb in-process through its command-line parser, against the local cluster.</summary>
    internal static async Task<(int Exit, string Stdout, string Stderr)> InProcessAsync(string[] flags, string group)
    {
        var command = LagCommand.Create();
        var root = new System.CommandLine.RootCommand { command };
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = root.Parse(["lag", "--bootstrap-servers", TestKafka.BootstrapServers, "--group", group, .. flags]);
        Assert.Empty(parse.Errors);
        var arguments = LagCommand.Arguments(parse);
        var exit = await LagCommand.RunAsync(arguments, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Four partitions holding 30/20/10/0 records; the group committed 5 on partition 0 and 20 on partition 1, nothing
    /// on 2 and 3.
    /// </summary>
    private static async Task<(string Topic, string Group)> GroupWithKnownOffsetsAsync()
    {
        var topic = await TestKafka.CreateTopicAsync(4);
        var group = TestKafka.UniqueGroup();
        using (var producer = TestKafka.CreateProducer())
        {
            foreach (var (partition, count) in new[] { (0, 30), (1, 20), (2, 10) })
            {
                for (var i = 0; i < count; i++)
                {
                    producer.Produce(new TopicPartition(topic, partition), new Message<byte[]?, byte[]?> { Value = [(byte)'1'] });
                }
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        using var consumer = TestKafka.CreateConsumer(group);
        consumer.Commit([new TopicPartitionOffset(topic, 0, 5), new TopicPartitionOffset(topic, 1, 20)]);
        return (topic, group);
    }
}
