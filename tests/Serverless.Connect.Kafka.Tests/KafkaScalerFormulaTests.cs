using Serverless.Connect.Kafka.Lag;

namespace Serverless.Connect.Kafka.Tests;

/// <summary>KEDA's kafka scaler, checked against the examples and rules in KEDA's docs and scaler code.</summary>
public sealed class KafkaScalerFormulaTests
{
    private static readonly KafkaScalerOptions Defaults = new();

    [Fact]
    public void Defaults_AreKedas()
    {
        Assert.Equal(10, Defaults.LagThreshold);
        Assert.Equal(0, Defaults.ActivationLagThreshold);
        Assert.Equal(OffsetResetPolicy.Latest, Defaults.OffsetResetPolicy);
        Assert.False(Defaults.AllowIdleConsumers);
        Assert.False(Defaults.ScaleToZeroOnInvalidOffset);
        Assert.False(Defaults.ExcludePersistentLag);
        Assert.False(Defaults.LimitToPartitionsWithLag);
        Assert.False(Defaults.EnsureEvenDistributionOfPartitions);
        Assert.Equal(100, Defaults.MaxReplicaCount);
    }

    // ceil(totalLag / lagThreshold), capped at the partition count (8 here).
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(50, 5)]
    [InlineData(79, 8)]
    [InlineData(80, 8)]
    [InlineData(85, 8)] // KEDA's integer-division cap would let the HPA ask for 9 here; see KafkaScalerFormula.
    [InlineData(10_000, 8)]
    public void Replicas_AreTheCeilingOfLagOverThreshold_CappedAtPartitions(long totalLag, int expected)
    {
        var decision = KafkaScalerFormula.Decide(Spread("t", 8, totalLag), Defaults);

        Assert.Equal(totalLag, decision.TotalLag);
        Assert.Equal(expected, decision.DesiredReplicas);
        Assert.Equal(Math.Min(totalLag, 80), decision.MetricValue);
    }

    [Fact]
    public void AllowIdleConsumers_LiftsThePartitionCap_ButNotMaxReplicaCount()
    {
        var offsets = Spread("t", 4, 1000);

        Assert.Equal(4, KafkaScalerFormula.Decide(offsets, Defaults).DesiredReplicas);
        Assert.Equal(100, KafkaScalerFormula.Decide(offsets, Defaults with { AllowIdleConsumers = true }).DesiredReplicas);
        var decision = KafkaScalerFormula.Decide(offsets, Defaults with { AllowIdleConsumers = true, LagThreshold = 100, MaxReplicaCount = 50 });
        Assert.Equal(10, decision.DesiredReplicas);
        Assert.Equal(1000, decision.MetricValue);
    }

    // KEDA docs, "ensureEvenDistributionOfPartitions": 10 partitions, lagThreshold 10 — lag 1-10 ⇒ 1 consumer,
    // 11-20 ⇒ 2, 21-50 ⇒ 5, above 50 ⇒ 10.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(20, 2)]
    [InlineData(21, 5)]
    [InlineData(50, 5)]
    [InlineData(51, 10)]
    [InlineData(5000, 10)]
    public void EnsureEvenDistribution_MatchesKedasDocumentedExample(long totalLag, int expected)
    {
        var options = Defaults with { EnsureEvenDistributionOfPartitions = true };

        var decision = KafkaScalerFormula.Decide(Spread("t", 10, totalLag), options);

        Assert.Equal(expected, decision.DesiredReplicas);
        Assert.Equal(expected * 10, decision.MetricValue);
    }

    // KEDA docs: activation (0 ⇒ 1) happens when the lag is above activationLagThreshold; at or below it, 0 replicas.
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(3, 3, 0)]
    [InlineData(4, 3, 1)]
    [InlineData(25, 30, 0)]
    [InlineData(31, 30, 4)]
    public void Activation_NeedsLagAboveTheActivationThreshold(long totalLag, long activationThreshold, int expected)
    {
        var decision = KafkaScalerFormula.Decide(Spread("t", 8, totalLag), Defaults with { ActivationLagThreshold = activationThreshold });

        Assert.Equal(expected > 0, decision.Active);
        Assert.Equal(expected, decision.DesiredReplicas);
    }

    [Fact]
    public void NoCommittedOffset_WithLatest_CountsOneSoOneConsumerRuns()
    {
        PartitionOffsets[] offsets = [new("t", 0, null, 500, 0), new("t", 1, null, 0, 0), new("t", 2, 40, 40)];

        var decision = KafkaScalerFormula.Decide(offsets, Defaults);

        Assert.Equal([1L, 1L, 0L], decision.Partitions.Select(p => p.Lag));
        Assert.Equal(2, decision.TotalLag);
        Assert.Equal(1, decision.DesiredReplicas);
    }

    [Fact]
    public void NoCommittedOffset_WithEarliest_CountsTheRetainedRecords()
    {
        // Start 300: retention removed offsets 0-299; a consumer starting from earliest reads 200 records.
        PartitionOffsets[] offsets = [new("t", 0, null, 500, 300), new("t", 1, null, 0, 0)];

        var decision = KafkaScalerFormula.Decide(offsets, Defaults with { OffsetResetPolicy = OffsetResetPolicy.Earliest });

        Assert.Equal([200L, 0L], decision.Partitions.Select(p => p.Lag));
        Assert.Equal(2, decision.DesiredReplicas);
    }

    [Theory]
    [InlineData(OffsetResetPolicy.Latest)]
    [InlineData(OffsetResetPolicy.Earliest)]
    public void ScaleToZeroOnInvalidOffset_CountsNothingForUncommittedPartitions(OffsetResetPolicy policy)
    {
        PartitionOffsets[] offsets = [new("t", 0, null, 500, 0), new("t", 1, null, 7, 0)];

        var decision = KafkaScalerFormula.Decide(offsets, Defaults with { OffsetResetPolicy = policy, ScaleToZeroOnInvalidOffset = true });

        Assert.Equal(0, decision.TotalLag);
        Assert.False(decision.Active);
        Assert.Equal(0, decision.DesiredReplicas);
    }

    [Fact]
    public void LimitToPartitionsWithLag_CapsAtPartitionsThatHaveLag()
    {
        PartitionOffsets[] offsets = [new("t", 0, 0, 900), new("t", 1, 0, 900), new("t", 2, 5, 5), new("t", 3, 5, 5)];

        Assert.Equal(4, KafkaScalerFormula.Decide(offsets, Defaults).DesiredReplicas);
        var limited = KafkaScalerFormula.Decide(offsets, Defaults with { LimitToPartitionsWithLag = true });
        Assert.Equal(2, limited.PartitionsWithLag);
        Assert.Equal(2, limited.DesiredReplicas);
        Assert.Equal(20, limited.MetricValue);
    }

    [Fact]
    public void ExcludePersistentLag_IgnoresPartitionsThatDidNotMove_ForScalingButNotActivation()
    {
        var previous = new Dictionary<(string Topic, int Partition), long>();
        var options = Defaults with { ExcludePersistentLag = true };
        PartitionOffsets[] first = [new("t", 0, 10, 100), new("t", 1, 10, 100)];
        PartitionOffsets[] second = [new("t", 0, 10, 100), new("t", 1, 60, 100)];

        var one = KafkaScalerFormula.Decide(first, options, previous);
        var two = KafkaScalerFormula.Decide(second, options, previous);

        Assert.Equal(180, one.TotalLag);
        Assert.Equal(2, one.DesiredReplicas);
        Assert.Equal([0L, 40L], two.Partitions.Select(p => p.Lag));
        Assert.Equal(130, two.TotalLagWithPersistent);
        Assert.Equal(2, two.DesiredReplicas);

        // Nothing moves: no lag for scaling, but the stuck partitions keep the trigger active with one replica.
        var three = KafkaScalerFormula.Decide(second, options, previous);
        Assert.Equal(0, three.TotalLag);
        Assert.True(three.Active);
        Assert.Equal(1, three.DesiredReplicas);
    }

    [Fact]
    public void CommittedBeyondTheEnd_CountsZero_NotANegativeLag()
    {
        PartitionOffsets[] offsets = [new("t", 0, 900, 100), new("t", 1, 0, 25)];

        var decision = KafkaScalerFormula.Decide(offsets, Defaults);

        Assert.Equal([0L, 25L], decision.Partitions.Select(p => p.Lag));
        Assert.Equal(25, decision.TotalLag);
        Assert.Equal(2, decision.DesiredReplicas);
    }

    [Fact]
    public void SeveralTopics_CapAtTheirTotalPartitionCount()
    {
        var offsets = Spread("a", 2, 500).Concat(Spread("b", 3, 500)).ToList();

        var decision = KafkaScalerFormula.Decide(offsets, Defaults);

        Assert.Equal(1000, decision.TotalLag);
        Assert.Equal(5, decision.DesiredReplicas);
        Assert.Equal(["a", "a", "b", "b", "b"], decision.Partitions.Select(p => p.Topic));
    }

    [Fact]
    public void Validate_RejectsWhatKedaRejects()
    {
        Assert.Empty(Defaults.Validate(topicGiven: false));
        Assert.Contains((Defaults with { LagThreshold = 0 }).Validate(true), p => p.Contains("lagThreshold", StringComparison.Ordinal));
        Assert.Contains((Defaults with { ActivationLagThreshold = -1 }).Validate(true), p => p.Contains("activationLagThreshold", StringComparison.Ordinal));
        Assert.Contains((Defaults with { AllowIdleConsumers = true, LimitToPartitionsWithLag = true }).Validate(true), p => p.Contains("cannot be set together", StringComparison.Ordinal));
        Assert.Contains((Defaults with { LimitToPartitionsWithLag = true, EnsureEvenDistributionOfPartitions = true }).Validate(true), p => p.Contains("cannot be set together", StringComparison.Ordinal));
        Assert.Contains((Defaults with { LimitToPartitionsWithLag = true }).Validate(false), p => p.Contains("needs a topic", StringComparison.Ordinal));
        Assert.Contains((Defaults with { EnsureEvenDistributionOfPartitions = true }).Validate(false), p => p.Contains("needs a topic", StringComparison.Ordinal));
    }

    /// <summary>A topic whose partitions together lag <paramref name="totalLag"/> records, as evenly as possible.</summary>
    private static List<PartitionOffsets> Spread(string topic, int partitions, long totalLag) =>
    [
        .. Enumerable.Range(0, partitions).Select(p =>
        {
            var lag = (totalLag / partitions) + (p < totalLag % partitions ? 1 : 0);
            return new PartitionOffsets(topic, p, 1000, 1000 + lag);
        }),
    ];
}
