namespace Serverless.Connect.Kafka.Lag;

/// <summary>What the brokers say about one partition for one consumer group.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Committed">The group's committed offset (the next record to read); null when it has none.</param>
/// <param name="End">The log end offset (high watermark).</param>
/// <param name="Start">The log start offset (low watermark); only read, and only needed, when nothing is committed.</param>
public sealed record PartitionOffsets(string Topic, int Partition, long? Committed, long End, long Start = 0);
