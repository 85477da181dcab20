using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Kafka.Mock;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>Elasticsearch answering nothing but errors for a while under the standalone sink host.</summary>
public sealed class ElasticsearchOutageTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("503", 8)]
    [InlineData("reset", 8)]
    [InlineData("429", 8)]
    public async Task OutageOfSeconds_ThenRecovery_NothingLost_NothingDeadLettered(string kind, int seconds)
    {
        using var cluster = MockKafkaCluster.Start(1);
        await using var scenario = SinkScenario.OnMock(cluster, 2, "EsOutage" + kind);
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = scenario.Topic + "-dlq";
        scenario.Settings["consumer.override.max.poll.records"] = "200";
        const int count = 3000;
        var records = Enumerable.Range(0, count).Select(i => ($"k{i % 250}", (string?)$"{{\"seq\":{i}}}")).ToList();
        var firstHalf = records.Take(count / 2).ToList();
        await scenario.ProduceAsync(firstHalf);
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => host.RecordsPut >= 500 || run.IsCompleted, "the host wrote some records");

        SetOutage(scenario, kind, on: true);
        var requestsAtStart = scenario.Server.Requests.Count;
        await scenario.ProduceAsync(records.Skip(count / 2));
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Assert.False(run.IsCompleted, $"host stopped during the outage: {host.Status.Trace}");
        SetOutage(scenario, kind, on: false);

        await Eventually.HoldsAsync(() => scenario.AllCommitted() || run.IsCompleted, "every record is committed", TimeSpan.FromSeconds(120));
        await stop.CancelAsync();
        var status = await run;

        Assert.Equal(SinkTaskState.Stopped, status.State);
        var expected = records.Select((r, i) => (r.Item1, i)).GroupBy(r => r.Item1).ToDictionary(g => g.Key, g => g.Max(r => r.i), StringComparer.Ordinal);
        var documents = scenario.Documents();
        var lost = expected.Count(e => !documents.TryGetValue(e.Key, out var d) || d["seq"]!.GetValue<int>() != e.Value);
        new FaultReport("sink-host", $"Elasticsearch {kind} outage {seconds} s", count, lost, Math.Max(0, host.RecordsPut - count), host.Redeliveries,
            $"dlq={host.ErrorMetrics.DeadLetterQueueProduceRequests}").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(0, host.ErrorMetrics.DeadLetterQueueProduceRequests);
        Assert.True(host.Redeliveries > 0 || scenario.Server.Requests.Count > requestsAtStart, "the outage was never seen");
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());
    }

    private static void SetOutage(SinkScenario scenario, string kind, bool on)
    {
        switch (kind)
        {
            case "reset":
                scenario.Server.Faults.Outage = on;
                break;
            default:
                scenario.Server.Faults.RequestFailureStatus = int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture);
                scenario.Server.Faults.RequestFailureRate = on ? 1.0 : 0.0;
                break;
        }
    }
}
