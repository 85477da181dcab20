using System.Globalization;

namespace Serverless.Connect.Bench.Scaling;

/// <summary>
/// Issue 7 item 6: 1, 2 and 4 <c>connect sink</c> workers in one consumer group drain the same backlog on an
/// 8-partition topic; <c>connect lag</c> is sampled throughout and must give KEDA's replica count for every sample;
/// a last run (writes throttled so the drain outlasts the rebalances) adds a worker at a quarter and stops one at half, and
/// must lose nothing.
/// Options: <c>--records N</c> (200000), <c>--workers 1,2,4</c>, <c>--lag-threshold N</c> (5000).
/// </summary>
internal sealed class ScalingScenario : IBenchScenario
{
    public string Name => "scaling";

    public string Description => "connect sink workers (1, 2, 4) draining an 8-partition backlog into Elasticsearch; connect lag vs KEDA's formula; a mid-run rebalance";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var records = context.IntOption("records", 200_000);
        var threshold = context.IntOption("lag-threshold", 5000);
        var counts = (context.Option("workers") ?? "1,2,4").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
        var run = new ScalingRun(context, records, threshold);
        var results = new List<BenchResult>();
        foreach (var workers in counts)
        {
            BenchContext.Log($"scaling: {workers} worker(s), {records} records");
            results.AddRange(Results(await run.RunAsync(workers, rebalance: false, cancellationToken), threshold));
        }

        BenchContext.Log($"scaling: 2 workers, one joining at 1/4 and one leaving at 1/2 (throttled writes), {records} records");
        results.AddRange(Results(await run.RunAsync(2, rebalance: true, cancellationToken), threshold));
        return results;
    }

    private static IEnumerable<BenchResult> Results(ScalingOutcome o, long threshold)
    {
        var rebalance = o.Workers.Contains('+', StringComparison.Ordinal);
        yield return Result(o, threshold);
        var each = string.Join(", ", o.WorkerPeakRss.Select(ProcessMemory.MiB));
        yield return new BenchResult(
            "scaling",
            rebalance ? "peak RSS per worker, rebalance run" : $"peak RSS per worker, {o.Workers} worker(s)",
            ProcessMemory.MiB(o.WorkerPeakRss.Max()),
            "MiB",
            "",
            null,
            $"highest VmHWM of the `connect sink` workers (each, in start order: {each} MiB); `connect lag --watch` {ProcessMemory.MiB(o.WatcherPeakRss)} MiB; " +
            $"harness (Elasticsearch contract server holding every document, backlog producer) {ProcessMemory.MiB(o.HarnessPeakRss)} MiB");
    }

    private static BenchResult Result(ScalingOutcome o, long threshold)
    {
        BenchContext.Log(string.Create(CultureInfo.InvariantCulture,
            $"scaling: workers {o.Workers}: {o.RecordsPerSecond:F0} records/s, drain {o.Drain.TotalSeconds:F1} s, workers' CPU {o.CpuMicrosecondsPerRecord:F1} µs/record, load {o.Load}, {o.Samples.Count} lag samples, replicas {o.ReplicaTrail}"));
        var throttled = o.Workers.Contains('+', StringComparison.Ordinal) ? "; writes throttled to 1 ms per 2 documents" : string.Empty;
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{o.Records} JSON records (schemas.enable=false), 8 partitions, ES contract server; first write {o.Startup.TotalSeconds:F1} s after start; " +
            $"connect lag: {o.Samples.Count} samples, {o.FormulaViolations} off KEDA's formula (lagThreshold {threshold}), replicas {o.ReplicaTrail}, final lag {o.FinalLag}; " +
            $"missing keys {o.Missing}, records sent again {o.Rewrites}; workers' CPU {o.CpuMicrosecondsPerRecord:F1} µs/record; load {o.Load}{throttled}");
        return new BenchResult(
            "scaling",
            o.Workers.Contains('+', StringComparison.Ordinal) ? $"rebalance, workers {o.Workers}" : $"throughput, {o.Workers} worker(s)",
            o.RecordsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            "records/s",
            "nothing lost; lag follows KEDA's formula",
            o.LostNothing && o.Rebalanced && o.FormulaViolations == 0 && o.FinalReplicas == 0,
            notes);
    }
}
