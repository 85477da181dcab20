namespace Serverless.Connect.Kafka.Lag;

/// <summary>
/// KEDA's kafka scaler (kedacore/keda pkg/scalers/kafka_scaler.go, <c>getLagForPartition</c> and <c>getTotalLag</c>)
/// followed by the HPA's AverageValue rule, as one pure function: offsets in, replica count out.
/// </summary>
/// <remarks>
/// <para>Per partition: committed offset present ⇒ <c>end − committed</c>. No committed offset ⇒ with
/// <c>offsetResetPolicy=latest</c> a lag of 1 (so one consumer runs, reads new records and commits; KEDA issue #2612,
/// PR #2621 replaced the old −1), or 0 with <c>scaleToZeroOnInvalidOffset</c>; with <c>earliest</c> the retained
/// records <c>end − start</c> (KEDA PR #7937; before it KEDA used <c>end</c> and counted records retention had
/// deleted), or 0 with <c>scaleToZeroOnInvalidOffset</c>. The KEDA docs' "returns a negative lag" for latest is stale.</para>
/// <para>Cap: unless <c>allowIdleConsumers</c>, the metric is capped at <c>partitions × lagThreshold</c> (the number of
/// partitions with lag under <c>limitToPartitionsWithLag</c>); <c>ensureEvenDistributionOfPartitions</c> first rounds
/// the lag up to the smallest factor of the partition count that covers it. The HPA then asks for
/// <c>ceil(metric / lagThreshold)</c> replicas, kept between 1 and <c>maxReplicaCount</c> while active; inactive
/// (<c>totalLag ≤ activationLagThreshold</c>, persistent lag included) means 0.</para>
/// <para>Two places where this does better than KEDA, documented here: KEDA caps with Go integer division
/// (<c>totalLag / lagThreshold &gt; partitions</c>), so a lag of 85 over 8 partitions at threshold 10 stays 85 and the
/// HPA asks for 9 replicas for 8 partitions; here the replica count is <c>min(ceil(totalLag / lagThreshold),
/// partitions)</c> as KEDA's docs promise. And a committed offset beyond the end (a truncated or recreated topic) counts
/// 0, not a negative lag that would hide other partitions' backlog.</para>
/// </remarks>
public static class KafkaScalerFormula
{
    /// <summary>Computes KEDA's decision for one poll.</summary>
    /// <param name="offsets">Every partition of the scaled topics (KEDA counts all of them).</param>
    /// <param name="options">The trigger metadata.</param>
    /// <param name="previousCommitted">
    /// The committed offsets seen at the previous poll, updated in place; needed only for <c>excludePersistentLag</c>
    /// (a partition whose committed offset has not moved since then counts no lag for scaling, only for activation).
    /// </param>
    public static ScalingDecision Decide(
        IReadOnlyList<PartitionOffsets> offsets,
        KafkaScalerOptions options,
        IDictionary<(string Topic, int Partition), long>? previousCommitted = null)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(options);
        if (options.LagThreshold <= 0)
        {
            throw new ArgumentException("lagThreshold must be a positive number.", nameof(options));
        }

        var lags = new List<PartitionLag>(offsets.Count);
        long totalLag = 0, totalWithPersistent = 0;
        var withLag = 0;
        foreach (var p in offsets.OrderBy(o => o.Topic, StringComparer.Ordinal).ThenBy(o => o.Partition))
        {
            var (lag, lagWithPersistent) = PartitionLagOf(p, options, previousCommitted);
            lags.Add(new PartitionLag(p.Topic, p.Partition, p.Committed, p.End, lag, lagWithPersistent));
            totalLag += lag;
            totalWithPersistent += lagWithPersistent;
            if (lag > 0)
            {
                withLag++;
            }
        }

        var threshold = options.LagThreshold;
        var metric = totalLag;
        long? upperBound = null;
        if (!options.AllowIdleConsumers || options.LimitToPartitionsWithLag || options.EnsureEvenDistributionOfPartitions)
        {
            upperBound = options.LimitToPartitionsWithLag ? withLag : offsets.Count;
            if (options.EnsureEvenDistributionOfPartitions)
            {
                metric = SmallestFactorCovering(totalLag, offsets.Count, threshold) * threshold;
            }

            if (metric > upperBound.Value * threshold)
            {
                metric = upperBound.Value * threshold;
            }
        }

        var active = totalWithPersistent > options.ActivationLagThreshold;
        var replicas = 0L;
        if (active)
        {
            replicas = CeilDiv(metric, threshold);
            if (upperBound is { } bound)
            {
                replicas = Math.Min(replicas, bound);
            }

            // The HPA never goes below one replica while KEDA reports the trigger active.
            replicas = Math.Clamp(replicas, 1, options.MaxReplicaCount);
        }

        return new ScalingDecision(lags, totalLag, totalWithPersistent, metric, withLag, active, (int)replicas);
    }

    private static (long Lag, long LagWithPersistent) PartitionLagOf(
        PartitionOffsets p,
        KafkaScalerOptions options,
        IDictionary<(string Topic, int Partition), long>? previousCommitted)
    {
        if (p.Committed is not { } committed)
        {
            var invalid = options.ScaleToZeroOnInvalidOffset ? 0
                : options.OffsetResetPolicy == OffsetResetPolicy.Latest ? 1
                : Math.Max(0, p.End - p.Start);
            return (invalid, invalid);
        }

        var lag = Math.Max(0, p.End - committed);
        if (options.ExcludePersistentLag && previousCommitted is not null)
        {
            var key = (p.Topic, p.Partition);
            if (previousCommitted.TryGetValue(key, out var previous) && previous == committed)
            {
                return (0, lag);
            }

            previousCommitted[key] = committed;
        }

        return (lag, lag);
    }

    /// <summary>KEDA's <c>getNextFactorThatBalancesConsumersToTopicPartitions</c>: the smallest divisor f of the partition count with f × threshold ≥ lag.</summary>
    private static long SmallestFactorCovering(long totalLag, int partitions, long threshold)
    {
        for (long f = 1; f <= partitions; f++)
        {
            if (partitions % f == 0 && f * threshold >= totalLag)
            {
                return f;
            }
        }

        return partitions;
    }

    private static long CeilDiv(long value, long divisor) => value <= 0 ? 0 : ((value - 1) / divisor) + 1;
}
