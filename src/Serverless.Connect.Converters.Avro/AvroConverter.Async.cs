using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro;

/// <summary>Asynchronous counterparts of the <see cref="Serverless.Connect.Converters.IConverter"/> methods.</summary>
public sealed partial class AvroConverter
{
    /// <summary>Serializes a Connect value, awaiting (instead of blocking on) any registry call.</summary>
    /// <param name="topic">The topic the data is for.</param>
    /// <param name="headers">The record headers, or <see langword="null"/>.</param>
    /// <param name="schema">The value schema, or <see langword="null"/> for schemaless data.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Stops waiting for the registry (the shared registry call itself continues).</param>
    /// <returns>The bytes, or <see langword="null"/> for a Kafka null.</returns>
    /// <exception cref="DataException">The value cannot be converted or its schema is unknown to the registry.</exception>
    /// <exception cref="RetriableException">The registry is unreachable or failing.</exception>
    public ValueTask<byte[]?> FromConnectDataAsync(
        string topic, ConnectHeaders? headers, Schema? schema, object? value, CancellationToken cancellationToken = default) =>
        State.Outbound.SerializeAsync(topic, schema, value, cancellationToken);

    /// <summary>Deserializes bytes read from Kafka, awaiting (instead of blocking on) any registry call.</summary>
    /// <param name="topic">The topic the data came from.</param>
    /// <param name="headers">The record headers, or <see langword="null"/>.</param>
    /// <param name="value">The bytes (empty when <paramref name="isNull"/> is set).</param>
    /// <param name="isNull">Whether Kafka delivered a null.</param>
    /// <param name="cancellationToken">Stops waiting for the registry (the shared registry call itself continues).</param>
    /// <returns>The schema and value.</returns>
    /// <exception cref="DataException">The bytes are not in Confluent's format or cannot be converted.</exception>
    /// <exception cref="RetriableException">The registry is unreachable or failing.</exception>
    public ValueTask<SchemaAndValue> ToConnectDataAsync(
        string topic, ConnectHeaders? headers, ReadOnlyMemory<byte> value, bool isNull, CancellationToken cancellationToken = default) =>
        State.Inbound.DeserializeAsync(topic, value, isNull, cancellationToken);
}
