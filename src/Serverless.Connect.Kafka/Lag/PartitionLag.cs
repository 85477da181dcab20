namespace Serverless.Connect.Kafka.Lag;

/// <summary>One partition's lag as KEDA's kafka scaler counts it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Committed">The group's committed offset; null when it has none.</param>
/// <param name="End">The log end offset.</param>
/// <param name="Lag">The lag that feeds the replica count (0 for a persistent lag when <c>excludePersistentLag</c> is set).</param>
/// <param name="LagWithPersistent">The lag that decides activation (persistent lag included).</param>
public sealed record PartitionLag(string Topic, int Partition, long? Committed, long End, long Lag, long LagWithPersistent);
