using Serverless.Connect.Runtime.Sinks;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class PreCommitTests
{
    [Fact]
    public async Task Commits_NeverPassWhatPreCommitDeclaresDurable_EvenWhenIdle()
    {
        await using var scenario = await SinkScenario.CreateAsync(2);
        scenario.Settings["connector.class"] = BufferingSinkConnector.Class;
        await scenario.ProduceAsync(Enumerable.Range(0, 200).Select(i => ($"k{i}", (string?)$"{{\"seq\":{i}}}")), partition: 0);
        await scenario.ProduceAsync(Enumerable.Range(0, 50).Select(i => ($"j{i}", (string?)$"{{\"seq\":{i}}}")), partition: 1);
        var sink = new BufferingSinkTask();
        var connector = new BufferingSinkConnector(sink);
        await using var host = scenario.CreateHost(new SinkHostOptions
        {
            Sinks = new SinkConnectorRegistry().Register(connector),
            IdleCommitInterval = TimeSpan.FromMilliseconds(100),
        });
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        var p0 = new SinkPartition(scenario.Topic, 0);
        var p1 = new SinkPartition(scenario.Topic, 1);
        await Eventually.HoldsAsync(() => sink.HighestPut.GetValueOrDefault(p0) == 199 && sink.HighestPut.GetValueOrDefault(p1) == 49, "every record reached the sink");
        var preCommits = sink.PreCommits;
        await Eventually.HoldsAsync(() => sink.PreCommits > preCommits + 2, "an idle task keeps calling preCommit");
        Assert.All(scenario.Committed().Values, offset => Assert.True(offset < 0, $"nothing is durable yet, but {offset} was committed"));

        sink.MakeDurable(p0, 120);
        await Eventually.HoldsAsync(() => scenario.Committed()[0] == 120, "partition 0 is committed up to its durable offset");
        Assert.True(scenario.Committed()[1] < 0);

        sink.MakeDurable(p0, 200);
        sink.MakeDurable(p1, 500);
        await Eventually.HoldsAsync(scenario.AllCommitted, "both partitions are committed to their ends, never past them");
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());

        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await run).State);
        Assert.Equal(SinkHostKind.Standalone, connector.Context!.Host);
        Assert.Equal(scenario.Name, connector.Context.ConnectorName);
        var calls = sink.Calls.ToList();
        Assert.Contains("open " + p0, calls);
        Assert.Contains("close " + p0, calls);
        Assert.True(calls.IndexOf("open " + p1) < calls.IndexOf("close " + p1), string.Join(", ", calls));
    }
}
