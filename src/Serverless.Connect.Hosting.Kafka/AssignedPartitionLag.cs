namespace Serverless.Connect.Hosting.Kafka;

/// <summary>
/// One assigned partition's progress as the host's own consumer sees it (no broker round trip): the consumer's
/// position against the high watermark of its last fetch, as Kafka's <c>consumer-fetch-manager-metrics</c>
/// <c>records-lag</c>, and the committed offset against the same watermark (what KEDA's kafka scaler counts).
/// </summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Position">The offset of the next record the consumer hands to the host; null before the first fetch.</param>
/// <param name="HighWatermark">The high watermark of the last fetch; null before the first fetch.</param>
/// <param name="Committed">The offset this host last committed; null before its first commit of the partition.</param>
public sealed record AssignedPartitionLag(string Topic, int Partition, long? Position, long? HighWatermark, long? Committed)
{
    /// <summary>Gets <c>records-lag</c>: records between the position and the high watermark; null until both are known.</summary>
    public long? RecordsLag => Position is { } p && HighWatermark is { } h ? Math.Max(0, h - p) : null;

    /// <summary>Gets the committed lag: records between the last commit and the high watermark; null until both are known.</summary>
    public long? CommittedLag => Committed is { } c && HighWatermark is { } h ? Math.Max(0, h - c) : null;
}
