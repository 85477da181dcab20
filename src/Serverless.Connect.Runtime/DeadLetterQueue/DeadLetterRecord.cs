using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.DeadLetterQueue;

/// <summary>
/// A record to produce to the dead-letter queue: the original raw key, value, headers and timestamp, on the DLQ topic,
/// with no partition (the producer's partitioner chooses), plus Connect's context headers when enabled.
/// </summary>
/// <param name="Topic">The DLQ topic (<c>errors.deadletterqueue.topic.name</c>).</param>
/// <param name="Key">The original key bytes, or null.</param>
/// <param name="Value">The original value bytes, or null.</param>
/// <param name="Timestamp">The original timestamp, or null when the consumed record had none.</param>
/// <param name="Headers">The original headers followed by the <c>__connect.errors.*</c> headers.</param>
public sealed record DeadLetterRecord(string Topic, byte[]? Key, byte[]? Value, long? Timestamp, IReadOnlyList<RawHeader> Headers);
