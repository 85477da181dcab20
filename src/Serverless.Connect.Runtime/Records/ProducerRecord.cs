namespace Serverless.Connect.Runtime.Records;

/// <summary>A record ready to produce to Kafka: the output of the source pipeline (Connect's <c>ProducerRecord&lt;byte[], byte[]&gt;</c>).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition, or null to let the partitioner choose.</param>
/// <param name="Timestamp">The timestamp in epoch milliseconds, or null.</param>
/// <param name="Key">The key bytes, or null.</param>
/// <param name="Value">The value bytes, or null (a tombstone).</param>
/// <param name="Headers">The headers in order.</param>
public sealed record ProducerRecord(string Topic, int? Partition, long? Timestamp, byte[]? Key, byte[]? Value, IReadOnlyList<RawHeader> Headers);
