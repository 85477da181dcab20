using Xunit.Abstractions;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class RebalanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SecondMemberJoining_TakesOverPartitions_AndTheFinalStateIsComplete()
    {
        await using var scenario = await SinkScenario.CreateAsync(4);
        scenario.Settings["consumer.override.max.poll.records"] = "20";
        await scenario.ProduceAsync(Enumerable.Range(0, 800).Select(i => ($"k{i % 200}", (string?)$"{{\"seq\":{i}}}")));
        scenario.Server.Faults.ItemFault = _ =>
        {
            Thread.Sleep(3);
            return null;
        };
        await using var first = scenario.CreateHost();
        await using var second = scenario.CreateHost();
        using var stop = new CancellationTokenSource();

        var firstRun = first.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => first.RecordsPut >= 100, "the first member is writing");
        var secondRun = second.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => second.PartitionCount > 0 && first.PartitionCount + second.PartitionCount == 4, "the partitions are shared");
        scenario.Server.Faults.ItemFault = null;
        await scenario.ProduceAsync(Enumerable.Range(800, 200).Select(i => ($"k{i % 200}", (string?)$"{{\"seq\":{i}}}")));
        await Eventually.HoldsAsync(scenario.AllCommitted, "every record is committed");
        await stop.CancelAsync();

        Assert.Equal(SinkTaskState.Stopped, (await firstRun).State);
        Assert.Equal(SinkTaskState.Stopped, (await secondRun).State);
        output.WriteLine($"first read {first.RecordsRead}, second read {second.RecordsRead} of 1000 ({first.RecordsRead + second.RecordsRead - 1000} read twice); partitions {first.PartitionCount}+{second.PartitionCount}");
        var documents = scenario.Documents();
        Assert.Equal(200, documents.Count);
        for (var k = 0; k < 200; k++)
        {
            Assert.Equal(800 + k, documents[$"k{k}"]["seq"]!.GetValue<int>());
        }

        Assert.Equal(scenario.EndOffsets(), scenario.Committed());
        Assert.True(second.RecordsPut > 0, "the second member wrote records of the partitions it took over");
    }
}
