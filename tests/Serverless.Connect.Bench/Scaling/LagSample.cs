namespace Serverless.Connect.Bench.Scaling;

/// <summary>One line of <c>connect lag --watch --json</c> and when it arrived.</summary>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="TotalLag">The reported total lag.</param>
/// <param name="PartitionLagSum">The sum of the reported per-partition lags.</param>
/// <param name="Partitions">The number of partitions reported.</param>
/// <param name="DesiredReplicas">The reported replica count.</param>
internal sealed record LagSample(TimeSpan Elapsed, long TotalLag, long PartitionLagSum, int Partitions, int DesiredReplicas)
{
    /// <summary>Whether the replica count is KEDA's <c>min(ceil(totalLag / lagThreshold), partitions)</c> (0 when there is no lag).</summary>
    public bool FollowsFormula(long lagThreshold) =>
        TotalLag == PartitionLagSum
        && DesiredReplicas == (TotalLag == 0 ? 0 : (int)Math.Min((TotalLag + lagThreshold - 1) / lagThreshold, Partitions));
}
