using Serverless.Connect.Data;

namespace Serverless.Connect.Runtime.Records;

/// <summary>
/// A record exactly as a sink consumed it from Kafka (Connect's <c>ConsumerRecord&lt;byte[], byte[]&gt;</c>): the input of
/// the sink pipeline, and what the dead-letter queue copies.
/// </summary>
public sealed class ConsumedRecord
{
    /// <summary>Initializes a record.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="offset">The offset.</param>
    /// <param name="timestamp">The timestamp in epoch milliseconds, or <see langword="null"/> when the record has none.</param>
    /// <param name="key">The key bytes, or <see langword="null"/> for a Kafka null.</param>
    /// <param name="value">The value bytes, or <see langword="null"/> for a Kafka null (tombstone).</param>
    /// <param name="headers">The headers in wire order, or <see langword="null"/> for none.</param>
    /// <param name="timestampType">The meaning of the timestamp; <see cref="TimestampType.CreateTime"/> when one is given and this is omitted.</param>
    public ConsumedRecord(
        string topic,
        int partition,
        long offset,
        long? timestamp,
        byte[]? key,
        byte[]? value,
        IReadOnlyList<RawHeader>? headers = null,
        TimestampType? timestampType = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        Topic = topic;
        Partition = partition;
        Offset = offset;
        Timestamp = timestamp;
        Key = key;
        Value = value;
        Headers = headers ?? [];
        TimestampType = timestampType ?? (timestamp is null ? TimestampType.NoTimestampType : TimestampType.CreateTime);
    }

    /// <summary>Gets the topic.</summary>
    public string Topic { get; }

    /// <summary>Gets the partition.</summary>
    public int Partition { get; }

    /// <summary>Gets the offset.</summary>
    public long Offset { get; }

    /// <summary>Gets the timestamp in epoch milliseconds, if any.</summary>
    public long? Timestamp { get; }

    /// <summary>Gets the meaning of <see cref="Timestamp"/>.</summary>
    public TimestampType TimestampType { get; }

    /// <summary>Gets the key bytes (null for a Kafka null).</summary>
    public byte[]? Key { get; }

    /// <summary>Gets the value bytes (null for a Kafka null).</summary>
    public byte[]? Value { get; }

    /// <summary>Gets the headers in wire order.</summary>
    public IReadOnlyList<RawHeader> Headers { get; }
}
