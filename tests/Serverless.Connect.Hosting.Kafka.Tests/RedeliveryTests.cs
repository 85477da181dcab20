using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Xunit.Abstractions;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class RedeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThirtyPercentOfBulkRequestsRejectedWith429_NothingIsLost()
    {
        await using var scenario = await SinkScenario.CreateAsync(4);
        scenario.Settings["max.retries"] = "0";
        scenario.Settings["batch.size"] = "50";
        scenario.Server.Faults.Seed(7);
        scenario.Server.Faults.RequestFailureRate = 0.3;
        // And 10% of the items of the requests that get through, refused one by one with 429 es_rejected_execution_exception.
        scenario.Server.Faults.ItemRejectionRate = 0.1;
        scenario.Server.Faults.FailNextRequests(2, 429);
        var records = Enumerable.Range(0, 1000).Select(i => ($"k{i % 250}", (string?)$"{{\"seq\":{i}}}")).ToList();
        await scenario.ProduceAsync(records);
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();

        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "every record is committed");
        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await run).State);

        var rejected = scenario.Server.Requests.Count(r => r.ResponseStatus == 429);
        var itemRejections = scenario.Server.Requests.Sum(r => r.ItemErrors);
        output.WriteLine($"{scenario.Server.Requests.Count} bulk requests, {rejected} rejected with 429, {itemRejections} items rejected, {host.Redeliveries} redeliveries, {host.RecordsRead} records read for 1000");
        Assert.True(rejected > 0);
        Assert.True(itemRejections > 0);
        Assert.Equal(0, host.ErrorMetrics.DeadLetterQueueProduceRequests);
        Assert.True(host.Redeliveries > 0);
        var documents = scenario.Documents();
        Assert.Equal(250, documents.Count);
        for (var k = 0; k < 250; k++)
        {
            Assert.Equal(750 + k, documents[$"k{k}"]["seq"]!.GetValue<int>());
        }

        Assert.Empty(scenario.Server.Violations);
    }

    [Fact]
    public async Task CommittedOffsets_NeverPassARecordTheSinkHasNotWritten()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Settings["max.retries"] = "0";
        var blocked = true;
        scenario.Server.Faults.ItemFault = item => Volatile.Read(ref blocked) && item.Id == "k10"
            ? new InjectedError(429, "es_rejected_execution_exception", "rejected execution of primary operation")
            : null;
        var delivered = await scenario.ProduceAsync(Enumerable.Range(0, 30).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")), partition: 0);
        var blockedOffset = delivered[10].Offset.Value;
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();

        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => scenario.Documents().Count == 29 && host.Redeliveries >= 3, "everything but k10 is written and k10 was redelivered");
        await Eventually.HoldsAsync(() => scenario.Committed()[0] == blockedOffset, "the records before k10 are committed");
        for (var sample = 0; sample < 5; sample++)
        {
            Assert.Equal(blockedOffset, scenario.Committed()[0]);
            await Task.Delay(100);
        }

        Assert.DoesNotContain("k10", scenario.Documents().Keys);
        Volatile.Write(ref blocked, false);
        await Eventually.HoldsAsync(scenario.AllCommitted, "k10 is written and everything committed");
        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await run).State);

        Assert.Equal(30, scenario.Documents().Count);
        Assert.Equal(delivered[^1].Offset.Value + 1, scenario.Committed()[0]);
        output.WriteLine($"{host.Redeliveries} redeliveries of k10 before it was written; {host.RecordsRead} records read");
    }
}
