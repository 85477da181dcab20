namespace Serverless.Connect.Bench.Scaling;

/// <summary>What one drain measured.</summary>
/// <param name="Workers">How the workers came and went, e.g. "4" or "2, +1 at 1/4, -1 at 1/2".</param>
/// <param name="Records">The backlog.</param>
/// <param name="Startup">From starting the workers to the first document written.</param>
/// <param name="Drain">From the first document written to the last.</param>
/// <param name="Rewrites">Bulk operations beyond one per record (records redelivered after a rebalance; the sink is idempotent).</param>
/// <param name="Missing">Keys missing from, or wrong in, Elasticsearch at the end (must be 0).</param>
/// <param name="Samples">The <c>connect lag --watch --json</c> lines read during the run.</param>
/// <param name="FormulaViolations">Samples whose replica count is not KEDA's formula of their lag (must be 0).</param>
/// <param name="FinalLag">The total lag of the last sample (must be 0).</param>
/// <param name="FinalReplicas">The replica count of the last sample (must be 0).</param>
/// <param name="WorkerCpu">CPU time (user + system) the workers used from the first write to the last.</param>
/// <param name="Load">The machine's load average at the start and the end of the run.</param>
/// <param name="WorkerPeakRss">Each sink worker's VmHWM in bytes, in start order.</param>
/// <param name="WatcherPeakRss">The <c>connect lag --watch</c> process's VmHWM in bytes.</param>
/// <param name="HarnessPeakRss">The harness process's VmHWM during the run (the contract servers and the backlog producer).</param>
internal sealed record ScalingOutcome(
    string Workers,
    int Records,
    TimeSpan Startup,
    TimeSpan Drain,
    long Rewrites,
    int Missing,
    IReadOnlyList<LagSample> Samples,
    int FormulaViolations,
    long FinalLag,
    int FinalReplicas,
    TimeSpan WorkerCpu,
    string Load,
    IReadOnlyList<long> WorkerPeakRss,
    long WatcherPeakRss,
    long HarnessPeakRss)
{
    public double RecordsPerSecond => Records / Drain.TotalSeconds;

    public double CpuMicrosecondsPerRecord => WorkerCpu.TotalMilliseconds * 1000 / Records;

    /// <summary>The replica counts the samples went through, e.g. "8 → 5 → 1 → 0" (repeats folded).</summary>
    public string ReplicaTrail => string.Join(" → ", Samples.Select(s => s.DesiredReplicas).Where((r, i) => i == 0 || r != Samples[i - 1].DesiredReplicas));

    public bool LostNothing => Missing == 0 && FinalLag == 0;

    public bool Rebalanced => !Workers.Contains("too late", StringComparison.Ordinal);
}
