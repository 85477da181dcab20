using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters;

/// <summary>
/// Port of Kafka's <c>org.apache.kafka.connect.converters.ByteArrayConverter</c>: passes <see cref="byte"/>[] values
/// through unchanged and reads bytes as an optional BYTES value.
/// </summary>
public sealed class ByteArrayConverter : IConverter
{
    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> configs, bool isKey)
    {
    }

    /// <inheritdoc/>
    /// <exception cref="DataException">The schema is not BYTES or the value is not a byte array.</exception>
    public byte[]? FromConnectData(string topic, ConnectHeaders? headers, Schema? schema, object? value)
    {
        if (schema is not null && schema.Type != SchemaType.Bytes)
        {
            throw new DataException($"Invalid schema type for ByteArrayConverter: {schema.Type.ToConnectName()}");
        }

        return value switch
        {
            null => null,
            byte[] bytes => bytes,
            _ => throw new DataException($"ByteArrayConverter is not compatible with objects of type {value.GetType()}"),
        };
    }

    /// <inheritdoc/>
    public SchemaAndValue ToConnectData(string topic, ConnectHeaders? headers, ReadOnlySpan<byte> value, bool isNull) =>
        new(Schema.OptionalBytesSchema, isNull ? null : value.ToArray());
}
