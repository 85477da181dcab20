using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class StandaloneSinkHostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Batch_IsIndexedEndToEnd_LastValuePerKeyWins_AndTombstonesDelete()
    {
        await using var scenario = await SinkScenario.CreateAsync(3);
        var records = Enumerable.Range(0, 600).Select(i => ($"k{i % 60}", (string?)$"{{\"key\":\"k{i % 60}\",\"seq\":{i}}}")).ToList();
        records.AddRange(Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)null)));
        await scenario.ProduceAsync(records);
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();

        var started = Stopwatch.GetTimestamp();
        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "every record is committed");
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        var status = await run;

        output.WriteLine($"610 records in {elapsed.TotalMilliseconds:F0} ms ({610 / elapsed.TotalSeconds:F0} records/s), {host.Commits} commits, {scenario.Server.Requests.Count} bulk requests");
        Assert.Equal(SinkTaskState.Stopped, status.State);
        Assert.Null(status.Trace);
        var expected = Enumerable.Range(10, 50).ToDictionary(k => $"k{k}", k => 540 + k);
        var documents = scenario.Documents();
        Assert.Equal(expected.Keys.Order(), documents.Keys.Order());
        foreach (var (id, seq) in expected)
        {
            Assert.Equal(seq, documents[id]["seq"]!.GetValue<int>());
        }

        Assert.Equal(610, host.RecordsPut);
        Assert.InRange(host.BatchSizeMax, 1, 500);
        Assert.Empty(scenario.Server.Violations);
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());
    }

    [Fact]
    public async Task RestartAfterHardStop_ChangesNothingInTheFinalState()
    {
        await using var scenario = await SinkScenario.CreateAsync(3);
        scenario.Settings["consumer.override.max.poll.records"] = "50";
        var records = Enumerable.Range(0, 1500).Select(i => ($"k{i % 100}", (string?)$"{{\"seq\":{i}}}")).ToList();
        var delivered = await scenario.ProduceAsync(records);
        // Slow items so the first instance is stopped part way.
        scenario.Server.Faults.ItemFault = _ =>
        {
            Thread.Sleep(2);
            return null;
        };

        await using (var first = scenario.CreateHost())
        {
            var run = first.RunAsync(CancellationToken.None);
            await Eventually.HoldsAsync(() => first.RecordsPut >= 300, "the first instance wrote some records");
            first.Kill();
            await run;
        }

        var afterCrash = scenario.Committed();
        var end = scenario.EndOffsets();
        Assert.Contains(afterCrash, c => c.Value < end[c.Key]);
        Assert.All(afterCrash, c => Assert.True(c.Value <= end[c.Key]));
        // Everything below a committed offset is in Elasticsearch: the document holds that record or a later one of its key.
        var atCrash = scenario.Documents();
        for (var i = 0; i < delivered.Count; i++)
        {
            if (delivered[i].Offset.Value < afterCrash[delivered[i].Partition.Value])
            {
                Assert.True(atCrash.TryGetValue(records[i].Item1, out var document) && document["seq"]!.GetValue<int>() >= i,
                    $"record {i} at {delivered[i].TopicPartitionOffset} is committed but not written");
            }
        }

        scenario.Server.Faults.ItemFault = null;

        await using var second = scenario.CreateHost();
        using var stop = new CancellationTokenSource();
        var secondRun = second.RunAsync(stop.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "the restarted instance committed everything");
        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await secondRun).State);

        var documents = scenario.Documents();
        Assert.Equal(100, documents.Count);
        for (var k = 0; k < 100; k++)
        {
            Assert.Equal(1400 + k, documents[$"k{k}"]["seq"]!.GetValue<int>());
        }

        Assert.InRange(second.BatchSizeMax, 1, 50);
        output.WriteLine($"committed after the hard stop: {string.Join(", ", afterCrash.Select(c => $"p{c.Key}={c.Value}/{end[c.Key]}"))}; second instance read {second.RecordsRead}");
        Assert.Empty(scenario.Server.Violations);
    }

    [Fact]
    public async Task Throughput_TwentyThousandRecords_AllIndexedAndCommitted()
    {
        await using var scenario = await SinkScenario.CreateAsync(4);
        scenario.Settings["batch.size"] = "500";
        await scenario.ProduceAsync(Enumerable.Range(0, 20_000).Select(i => ($"k{i}", (string?)$"{{\"seq\":{i},\"body\":\"some text to index\"}}")));
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();

        var started = Stopwatch.GetTimestamp();
        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => host.PartitionCount == 4, "the partitions are assigned");
        var assigned = Stopwatch.GetElapsedTime(started);
        await Eventually.HoldsAsync(() => host.RecordsPut == 20_000, "every record was put");
        var put = Stopwatch.GetElapsedTime(started) - assigned;
        await Eventually.HoldsAsync(scenario.AllCommitted, "every record is committed");
        await stop.CancelAsync();
        await run;

        output.WriteLine($"group join {assigned.TotalMilliseconds:F0} ms; 20000 records consumed, converted and indexed in {put.TotalMilliseconds:F0} ms after assignment ({20_000 / put.TotalSeconds:F0} records/s); largest batch {host.BatchSizeMax}; {host.Commits} commits");
        Assert.Equal(20_000, scenario.Documents().Count);
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());
    }

    [Fact]
    public async Task StopRequest_CommitsAndLeavesTheGroup_SoANewInstanceResumesWithoutRereading()
    {
        await using var scenario = await SinkScenario.CreateAsync(2);
        await scenario.ProduceAsync(Enumerable.Range(0, 100).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));
        await using (var first = scenario.CreateHost())
        {
            using var stop = new CancellationTokenSource();
            var run = first.RunAsync(stop.Token);
            await Eventually.HoldsAsync(scenario.AllCommitted, "the first instance committed everything");
            await stop.CancelAsync();
            Assert.Equal(SinkTaskState.Stopped, (await run).State);
        }

        await scenario.ProduceAsync(Enumerable.Range(100, 20).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));
        await using var second = scenario.CreateHost();
        using var stopSecond = new CancellationTokenSource();
        var secondRun = second.RunAsync(stopSecond.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "the second instance committed the new records");
        await stopSecond.CancelAsync();
        await secondRun;

        Assert.Equal(20, second.RecordsRead);
        Assert.Equal(120, scenario.Documents().Count);
    }
}
