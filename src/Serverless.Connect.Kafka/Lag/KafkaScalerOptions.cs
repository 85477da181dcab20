namespace Serverless.Connect.Kafka.Lag;

/// <summary>
/// The trigger metadata of KEDA's <c>kafka</c> scaler that decides the replica count, with KEDA's defaults (from the
/// scaler's code, kedacore/keda pkg/scalers/kafka_scaler.go: <c>lagThreshold</c> 10 — the 2.8–2.14 docs say 5, the code
/// has always said 10 — <c>activationLagThreshold</c> 0, <c>offsetResetPolicy</c> latest, every switch false) and the
/// ScaledObject's <c>maxReplicaCount</c> default of 100.
/// </summary>
public sealed record KafkaScalerOptions
{
    public long LagThreshold { get; init; } = 10;

    public long ActivationLagThreshold { get; init; }

    public OffsetResetPolicy OffsetResetPolicy { get; init; } = OffsetResetPolicy.Latest;

    public bool AllowIdleConsumers { get; init; }

    public bool ScaleToZeroOnInvalidOffset { get; init; }

    public bool ExcludePersistentLag { get; init; }

    public bool LimitToPartitionsWithLag { get; init; }

    public bool EnsureEvenDistributionOfPartitions { get; init; }

    public int MaxReplicaCount { get; init; } = 100;

    /// <summary>
    /// KEDA's own validation of these keys (it refuses the ScaledObject with the same conflicts); each problem names the
    /// trigger key. <paramref name="topicGiven"/> is whether a <c>topic</c> is set.
    /// </summary>
    public IReadOnlyList<string> Validate(bool topicGiven)
    {
        var problems = new List<string>();
        if (LagThreshold <= 0)
        {
            problems.Add($"lagThreshold must be a positive number (got {LagThreshold}).");
        }

        if (ActivationLagThreshold < 0)
        {
            problems.Add($"activationLagThreshold must not be negative (got {ActivationLagThreshold}).");
        }

        if (MaxReplicaCount < 1)
        {
            problems.Add($"maxReplicaCount must be at least 1 (got {MaxReplicaCount}).");
        }

        if (AllowIdleConsumers && LimitToPartitionsWithLag)
        {
            problems.Add("allowIdleConsumers and limitToPartitionsWithLag cannot be set together.");
        }

        if (LimitToPartitionsWithLag && EnsureEvenDistributionOfPartitions)
        {
            problems.Add("limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot be set together.");
        }

        if (!topicGiven && LimitToPartitionsWithLag)
        {
            problems.Add("limitToPartitionsWithLag needs a topic.");
        }

        if (!topicGiven && EnsureEvenDistributionOfPartitions)
        {
            problems.Add("ensureEvenDistributionOfPartitions needs a topic.");
        }

        return problems;
    }
}
