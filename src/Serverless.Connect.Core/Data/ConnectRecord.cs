using System.Globalization;
using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Data;

/// <summary>
/// An immutable Connect record: topic, partition, offset, timestamp, key and value with their schemas, and headers.
/// Mirrors Kafka's <c>ConnectRecord</c>/<c>SinkRecord</c>; derive modified copies with <c>with</c> or
/// <see cref="NewRecord(string, int?, Schema?, object?, Schema?, object?, long?)"/>.
/// </summary>
/// <remarks>Equality compares keys and values deeply (see <see cref="ConnectValueComparer"/>).</remarks>
public sealed record ConnectRecord
{
    /// <summary>Initializes a record.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="kafkaPartition">The partition, or <see langword="null"/> to let the producer choose.</param>
    /// <param name="keySchema">The key schema, or <see langword="null"/>.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <param name="valueSchema">The value schema, or <see langword="null"/>.</param>
    /// <param name="value">The value, or <see langword="null"/> (a tombstone when the value schema is also null).</param>
    /// <param name="timestamp">The timestamp in epoch milliseconds, or <see langword="null"/>.</param>
    /// <param name="headers">The headers, or <see langword="null"/> for none.</param>
    public ConnectRecord(
        string topic,
        int? kafkaPartition,
        Schema? keySchema,
        object? key,
        Schema? valueSchema,
        object? value,
        long? timestamp = null,
        ConnectHeaders? headers = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        Topic = topic;
        KafkaPartition = kafkaPartition;
        KeySchema = keySchema;
        Key = key;
        ValueSchema = valueSchema;
        Value = value;
        Timestamp = timestamp;
        TimestampType = timestamp is null ? TimestampType.NoTimestampType : TimestampType.CreateTime;
        Headers = headers ?? ConnectHeaders.Empty;
    }

    /// <summary>Gets the topic.</summary>
    public string Topic { get; init; }

    /// <summary>Gets the partition, or <see langword="null"/> when not assigned.</summary>
    public int? KafkaPartition { get; init; }

    /// <summary>Gets the Kafka offset of a consumed record; -1 when the record was not read from Kafka.</summary>
    public long KafkaOffset { get; init; } = -1;

    /// <summary>Gets the timestamp in epoch milliseconds, if any.</summary>
    public long? Timestamp { get; init; }

    /// <summary>Gets the meaning of <see cref="Timestamp"/>.</summary>
    public TimestampType TimestampType { get; init; }

    /// <summary>Gets the key schema, if any.</summary>
    public Schema? KeySchema { get; init; }

    /// <summary>Gets the key.</summary>
    public object? Key { get; init; }

    /// <summary>Gets the value schema, if any.</summary>
    public Schema? ValueSchema { get; init; }

    /// <summary>Gets the value.</summary>
    public object? Value { get; init; }

    /// <summary>Gets the headers (never <see langword="null"/>).</summary>
    public ConnectHeaders Headers { get; init; }

    /// <summary>Gets a value indicating whether this is a tombstone (null value).</summary>
    public bool IsTombstone => Value is null;

    /// <summary>Creates a record with new routing, key, value and timestamp, keeping offset, timestamp type and headers.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="kafkaPartition">The partition.</param>
    /// <param name="keySchema">The key schema.</param>
    /// <param name="key">The key.</param>
    /// <param name="valueSchema">The value schema.</param>
    /// <param name="value">The value.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <returns>The new record.</returns>
    public ConnectRecord NewRecord(
        string topic, int? kafkaPartition, Schema? keySchema, object? key, Schema? valueSchema, object? value, long? timestamp) =>
        NewRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, Headers);

    /// <summary>Creates a record with new routing, key, value, timestamp and headers, keeping offset and timestamp type.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="kafkaPartition">The partition.</param>
    /// <param name="keySchema">The key schema.</param>
    /// <param name="key">The key.</param>
    /// <param name="valueSchema">The value schema.</param>
    /// <param name="value">The value.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <param name="headers">The headers.</param>
    /// <returns>The new record.</returns>
    public ConnectRecord NewRecord(
        string topic,
        int? kafkaPartition,
        Schema? keySchema,
        object? key,
        Schema? valueSchema,
        object? value,
        long? timestamp,
        ConnectHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(headers);
        return this with
        {
            Topic = topic,
            KafkaPartition = kafkaPartition,
            KeySchema = keySchema,
            Key = key,
            ValueSchema = valueSchema,
            Value = value,
            Timestamp = timestamp,
            Headers = headers,
        };
    }

    /// <inheritdoc/>
    public bool Equals(ConnectRecord? other) =>
        other is not null &&
        string.Equals(Topic, other.Topic, StringComparison.Ordinal) &&
        KafkaPartition == other.KafkaPartition &&
        KafkaOffset == other.KafkaOffset &&
        Timestamp == other.Timestamp &&
        TimestampType == other.TimestampType &&
        Equals(KeySchema, other.KeySchema) &&
        Equals(ValueSchema, other.ValueSchema) &&
        ConnectValueComparer.Instance.Equals(Key, other.Key) &&
        ConnectValueComparer.Instance.Equals(Value, other.Value) &&
        Headers.Equals(other.Headers);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Topic),
        KafkaPartition,
        KafkaOffset,
        Timestamp,
        ConnectValueComparer.Instance.GetHashCode(Key),
        ConnectValueComparer.Instance.GetHashCode(Value));

    /// <summary>Formats the record like Kafka's <c>ConnectRecord.toString()</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"ConnectRecord{{topic='{Topic}', kafkaPartition={Format(KafkaPartition)}, kafkaOffset={KafkaOffset.ToString(CultureInfo.InvariantCulture)}, " +
        $"key={ValueText.ToText(Key)}, keySchema={KeySchema?.ToString() ?? "null"}, value={ValueText.ToText(Value)}, " +
        $"valueSchema={ValueSchema?.ToString() ?? "null"}, timestamp={Format(Timestamp)}, timestampType={TimestampType}, headers={Headers}}}";

    private static string Format(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
