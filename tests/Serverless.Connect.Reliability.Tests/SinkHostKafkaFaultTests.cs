using Confluent.Kafka;
using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Kafka.Mock;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>The standalone sink host draining into the Elasticsearch contract server while its own mock cluster fails.</summary>
public sealed class SinkHostKafkaFaultTests(ITestOutputHelper output)
{
    private const short FetchApi = 1;
    private const short OffsetCommitApi = 8;

    [Fact]
    public async Task AllBrokersDown30s_ThenFetchAndOffsetCommitErrors_LastValuePerKey_NothingLost()
    {
        using var cluster = MockKafkaCluster.Start(3);
        await using var scenario = SinkScenario.OnMock(cluster, 3);
        scenario.Settings["consumer.override.max.poll.records"] = "100";
        const int count = 6000;
        var records = Enumerable.Range(0, count).Select(i => ($"k{i % 400}", (string?)$"{{\"seq\":{i}}}")).ToList();
        await scenario.ProduceAsync(records);
        // Slow items so the drain is still running when the brokers go.
        scenario.Server.Faults.ItemFault = _ =>
        {
            Thread.Sleep(1);
            return null;
        };
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => host.RecordsPut >= 1000 || run.IsCompleted, "the host wrote some records");
        Assert.False(run.IsCompleted, $"host stopped early: {host.Status.Trace}");
        var committedBefore = scenario.Committed();
        for (var b = 1; b <= cluster.BrokerCount; b++)
        {
            cluster.SetBrokerDown(b);
        }

        var putAtDown = host.RecordsPut;
        await Task.Delay(TimeSpan.FromSeconds(30));
        var putWhileDown = host.RecordsPut - putAtDown;
        Assert.False(run.IsCompleted, $"host gave up during the outage: {host.Status.Trace}");
        for (var b = 1; b <= cluster.BrokerCount; b++)
        {
            cluster.SetBrokerUp(b);
        }

        cluster.PushRequestErrors(FetchApi, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotLeaderForPartition, ErrorCode.UnknownTopicOrPart, ErrorCode.RequestTimedOut);
        cluster.PushRequestErrors(OffsetCommitApi, ErrorCode.RequestTimedOut, ErrorCode.NotCoordinatorForGroup, ErrorCode.RebalanceInProgress, ErrorCode.RequestTimedOut);
        scenario.Server.Faults.ItemFault = null;

        await Eventually.HoldsAsync(() => scenario.AllCommitted() || run.IsCompleted, "every record is committed", TimeSpan.FromSeconds(120));
        await stop.CancelAsync();
        var status = await run;

        Assert.Equal(SinkTaskState.Stopped, status.State);
        var expected = records.Select((r, i) => (r.Item1, i)).GroupBy(r => r.Item1).ToDictionary(g => g.Key, g => g.Max(r => r.i), StringComparer.Ordinal);
        var documents = scenario.Documents();
        var lost = expected.Count(e => !documents.TryGetValue(e.Key, out var d) || d["seq"]!.GetValue<int>() != e.Value);
        Assert.Empty(scenario.Server.Violations);
        new FaultReport("sink-host", "all 3 brokers down 30 s + Fetch/OffsetCommit request errors", count, lost, Math.Max(0, host.RecordsPut - count), host.Redeliveries,
            $"written while brokers were down={putWhileDown}; committed before={string.Join(',', committedBefore.Values)}").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(expected.Count, documents.Count);
        Assert.True(host.RecordsPut >= count, $"only {host.RecordsPut} of {count} records were put");
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());
        Assert.Equal(0, host.ErrorMetrics.DeadLetterQueueProduceRequests);
    }
}
