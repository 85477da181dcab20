namespace Serverless.Connect.Sinks;

/// <summary>A Kafka topic partition as a sink task sees it (Connect's <c>TopicPartition</c>), free of any Kafka client type.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
public readonly record struct SinkPartition(string Topic, int Partition)
{
    /// <summary>Formats as Kafka does: <c>topic-partition</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Topic}-{Partition}";
}
