using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters;

/// <summary>
/// Converts between Connect data and the bytes stored in Kafka, mirroring <c>org.apache.kafka.connect.storage.Converter</c>.
/// </summary>
/// <remarks>
/// Implementations are configured once and then used from any thread. A <see langword="null"/> result from
/// <see cref="FromConnectData"/> is a Kafka null (a tombstone when it is the value); <see cref="ToConnectData"/> receives
/// <c>isNull</c> to tell a Kafka null apart from an empty payload.
/// </remarks>
public interface IConverter
{
    /// <summary>Configures the converter.</summary>
    /// <param name="configs">Converter settings without the <c>key.converter.</c>/<c>value.converter.</c> prefix.</param>
    /// <param name="isKey">Whether the converter handles record keys (otherwise values).</param>
    /// <exception cref="ConverterConfigException">A setting is invalid.</exception>
    void Configure(IReadOnlyDictionary<string, string> configs, bool isKey);

    /// <summary>Serializes a Connect value.</summary>
    /// <param name="topic">The topic the data is for.</param>
    /// <param name="headers">The record headers, or <see langword="null"/>; converters may read but never modify them.</param>
    /// <param name="schema">The value schema, or <see langword="null"/> for schemaless data.</param>
    /// <param name="value">The value.</param>
    /// <returns>The bytes, or <see langword="null"/> for a Kafka null.</returns>
    /// <exception cref="DataException">The value cannot be converted.</exception>
    byte[]? FromConnectData(string topic, ConnectHeaders? headers, Schema? schema, object? value);

    /// <summary>Deserializes bytes read from Kafka.</summary>
    /// <param name="topic">The topic the data came from.</param>
    /// <param name="headers">The record headers, or <see langword="null"/>.</param>
    /// <param name="value">The bytes (empty when <paramref name="isNull"/> is set).</param>
    /// <param name="isNull">Whether Kafka delivered a null (for example a tombstone value).</param>
    /// <returns>The schema and value.</returns>
    /// <exception cref="DataException">The bytes cannot be converted.</exception>
    SchemaAndValue ToConnectData(string topic, ConnectHeaders? headers, ReadOnlySpan<byte> value, bool isNull);
}
