namespace Serverless.Connect.Kafka.Lag;

/// <summary>What KEDA's kafka scaler would report for a group at one poll, and the replica count that follows.</summary>
/// <param name="Partitions">Per-partition lag, ordered by topic then partition.</param>
/// <param name="TotalLag">Sum of <see cref="PartitionLag.Lag"/>.</param>
/// <param name="TotalLagWithPersistent">Sum of <see cref="PartitionLag.LagWithPersistent"/>; activation compares this.</param>
/// <param name="MetricValue">The external metric value KEDA hands the HPA (total lag, capped; see <see cref="KafkaScalerFormula"/>).</param>
/// <param name="PartitionsWithLag">Partitions whose <see cref="PartitionLag.Lag"/> is above zero.</param>
/// <param name="Active">Whether the scaler is active (<c>totalLag &gt; activationLagThreshold</c>); inactive means zero replicas.</param>
/// <param name="DesiredReplicas">The replica count.</param>
public sealed record ScalingDecision(
    IReadOnlyList<PartitionLag> Partitions,
    long TotalLag,
    long TotalLagWithPersistent,
    long MetricValue,
    int PartitionsWithLag,
    bool Active,
    int DesiredReplicas);
