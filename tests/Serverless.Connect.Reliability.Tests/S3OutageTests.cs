using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.TestUtilities.FaultProxy;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// The standalone sink host writing JSON objects to s3rver through <see cref="HttpFaultProxy"/> while S3 fails: 10 s of
/// 503 SlowDown, then reset connections, stalled requests, lost answers, and finally a random 20% of 500 InternalError.
/// </summary>
public sealed class S3OutageTests(ITestOutputHelper output)
{
    private const int Partitions = 4;
    private const int PerPartition = 5000;

    [Fact]
    public async Task SlowDown10s_Resets_Stalls_Random500s_EveryRecordInExactlyOneObject_CommitsOnlyBehindObjects()
    {
        await using var s = await S3SinkScenario.CreateAsync(Partitions);
        await s.ProduceAsync(0, 2000);
        await using var host = s.CreateHost();
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(async () => run.IsCompleted || (await s.KeysAsync()).Count >= Partitions, "the sink wrote some objects");
        Assert.False(run.IsCompleted, host.Status.Trace);

        // The committed offsets are sampled throughout: each must be a file boundary whose files all exist already.
        using var sampling = new CancellationTokenSource();
        var samples = SampleCommitsAsync(s, sampling.Token);

        var outage = s.Proxy.InjectForAsync(ProxyFault.SlowDown, TimeSpan.FromSeconds(10));
        // More records arrive while S3 is down, so the outage hits rotations that are due.
        await s.ProduceAsync(2000, 3000);
        await outage;
        var redeliveriesInOutage = host.Redeliveries;
        var committedAfterOutage = s.Committed();
        Assert.False(run.IsCompleted, $"the task gave up during the outage: {host.Status.Trace}");
        await s.Proxy.InjectForAsync(ProxyFault.Reset, TimeSpan.FromSeconds(5));
        s.Proxy.Inject(new ProxyFault.Stall(TimeSpan.FromSeconds(1)), rate: 0.5);
        await Task.Delay(TimeSpan.FromSeconds(3));
        // S3 acts but the answer is lost: the PUT is sent again (same key, same bytes).
        s.Proxy.Inject(ProxyFault.DropResponse, rate: 0.3);
        await Task.Delay(TimeSpan.FromSeconds(3));
        s.Proxy.Inject(ProxyFault.InternalError, rate: 0.2);
        // The last 40% of the records arrive under the random 500s, so that phase has rotations to do.
        await s.ProduceAsync(3000, PerPartition);

        await Eventually.HoldsAsync(() => run.IsCompleted || s.Committed().All(c => c == PerPartition), "every offset is committed", TimeSpan.FromSeconds(60));
        s.Proxy.Clear();
        await sampling.CancelAsync();
        var (checks, violations) = await samples;
        await stop.CancelAsync();
        var status = await run;

        Assert.Equal(SinkTaskState.Stopped, status.State);
        Assert.Empty(violations);
        Assert.True(checks > 10, $"only {checks} commit samples");
        var faults = s.Proxy.Faults;
        output.WriteLine($"proxy: {s.Proxy.Requests} requests, {s.Proxy.Forwarded} forwarded, faults {string.Join(", ", faults.Select(f => $"{f.Key}={f.Value}"))}");
        Assert.True(faults.GetValueOrDefault("SlowDown") >= Partitions, "the 503 outage was not hit");
        Assert.True(faults.GetValueOrDefault("reset") > 0, "no connection was reset");
        Assert.True(redeliveriesInOutage > 0, "the sink never deferred records during the outage");
        Assert.True(committedAfterOutage.Sum() < Partitions * PerPartition, "everything was committed before the outage ended");

        var rows = await s.RecordsAsync();
        var keys = rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        var duplicates = rows.GroupBy(r => (r.P, r.O)).Count(g => g.Count() > 1);
        var lost = (Partitions * PerPartition) - rows.Select(r => (r.P, r.O)).Distinct().Count();
        new FaultReport("reliability", "S3 503 SlowDown 10 s, resets 5 s, 50% stalls 3 s, 30% lost answers 3 s, 20% 500 InternalError", Partitions * PerPartition, lost, duplicates,
            host.Redeliveries, $"objects={keys.Count} s3-faults={string.Join("/", faults.Select(f => $"{f.Key}:{f.Value}"))} commit-samples={checks} records-read={host.RecordsRead}").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicates);
        // Deterministic files: exactly the keys of [k·flush.size, (k+1)·flush.size), each holding exactly those records.
        var expected = Enumerable.Range(0, Partitions)
            .SelectMany(p => Enumerable.Range(0, PerPartition / S3SinkScenario.FlushSize).Select(k => s.ExpectedKey(p, (long)k * S3SinkScenario.FlushSize)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, keys.Order(StringComparer.Ordinal).ToList());
        foreach (var file in rows.GroupBy(r => r.Key))
        {
            var first = file.Min(r => r.O);
            Assert.Equal(s.ExpectedKey(file.First().P, first), file.Key);
            Assert.Equal(Enumerable.Range((int)first, S3SinkScenario.FlushSize).Select(o => (long)o), file.Select(r => r.O));
        }
    }

    [Fact]
    public async Task AccessDeniedMidRun_FailsTheTaskNamingTheCode_CommitsOnlyWhatIsInObjects_RestartFinishesExactlyOnce()
    {
        const int perPartition = 2000;
        await using var s = await S3SinkScenario.CreateAsync(2);
        await s.ProduceAsync(0, perPartition / 2);
        await using (var host = s.CreateHost())
        {
            var run = host.RunAsync(CancellationToken.None);
            await Eventually.HoldsAsync(async () => run.IsCompleted || (await s.KeysAsync()).Count >= 2, "the sink wrote some objects");
            // A bucket policy that starts denying writes: not retriable, so the task fails at the next upload.
            s.Proxy.Inject(new ProxyFault.S3Error(403, "AccessDenied", "Access Denied"), applies: line => line.StartsWith("PUT ", StringComparison.Ordinal));
            await s.ProduceAsync(perPartition / 2, perPartition);
            var status = await run.WaitAsync(TimeSpan.FromSeconds(60));

            output.WriteLine(status.Trace?.Split('\n')[0]);
            Assert.Equal(SinkTaskState.Failed, status.State);
            Assert.Contains("403 AccessDenied", status.Trace, StringComparison.Ordinal);
            Assert.Contains(s.Bucket.Name, status.Trace, StringComparison.Ordinal);
        }

        var committed = s.Committed();
        var keys = (await s.KeysAsync()).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"after the failure: committed {string.Join(",", committed)}, {keys.Count} objects");
        Assert.True(committed.Sum() < 2 * perPartition, "everything was committed although writes were denied");
        for (var p = 0; p < 2; p++)
        {
            for (long start = 0; start < committed[p]; start += S3SinkScenario.FlushSize)
            {
                Assert.Contains(s.ExpectedKey(p, start), keys);
            }
        }

        // The operator fixes the policy and restarts the task: it continues from the committed files.
        s.Proxy.Clear();
        await using (var host = s.CreateHost())
        {
            using var stop = new CancellationTokenSource();
            var run = host.RunAsync(stop.Token);
            await Eventually.HoldsAsync(() => run.IsCompleted || s.Committed().All(c => c == perPartition), "the restarted task committed everything", TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            Assert.Equal(SinkTaskState.Stopped, (await run).State);
        }

        var rows = await s.RecordsAsync();
        var duplicates = rows.GroupBy(r => (r.P, r.O)).Count(g => g.Count() > 1);
        var lost = (2 * perPartition) - rows.Select(r => (r.P, r.O)).Distinct().Count();
        new FaultReport("reliability", "S3 403 AccessDenied on PUT mid-run, then restart", 2 * perPartition, lost, duplicates, 0,
            $"task FAILED; committed before restart {string.Join(",", committed)}").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicates);
        Assert.All(rows.GroupBy(r => r.Key), file => Assert.Equal(S3SinkScenario.FlushSize, file.Count()));
    }

    /// <summary>Reads the committed offsets, then the keys: every record below a committed offset must already be in an object.</summary>
    private static async Task<(int Checks, List<string> Violations)> SampleCommitsAsync(S3SinkScenario s, CancellationToken cancellationToken)
    {
        var checks = 0;
        var violations = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var committed = s.Committed();
            var keys = (await s.KeysAsync()).ToHashSet(StringComparer.Ordinal);
            for (var p = 0; p < committed.Length; p++)
            {
                if (committed[p] % S3SinkScenario.FlushSize != 0)
                {
                    violations.Add($"partition {p} committed {committed[p]}, not a file boundary");
                }

                for (long start = 0; start < committed[p]; start += S3SinkScenario.FlushSize)
                {
                    if (!keys.Contains(s.ExpectedKey(p, start)))
                    {
                        violations.Add($"partition {p} committed {committed[p]} but {s.ExpectedKey(p, start)} does not exist");
                    }
                }
            }

            checks++;
            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (checks, violations);
    }
}
