using Serverless.Connect.Converters.Internal;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Converters;

/// <summary>
/// Port of Kafka's <c>org.apache.kafka.connect.storage.StringConverter</c>: writes any value's string form in the
/// configured charset (<c>converter.encoding</c>, default <c>UTF-8</c>) and reads bytes back as an optional STRING.
/// </summary>
/// <remarks>
/// The schema is ignored when writing; non-string values use Java's <c>toString()</c> rendering (see <see cref="Struct.ToString"/>).
/// A Kafka null reads as <see cref="Schema.OptionalStringSchema"/> with a null value, and a null value writes as a Kafka null.
/// </remarks>
public sealed class StringConverter : IConverter
{
    /// <summary>The charset setting.</summary>
    public const string EncodingConfig = "converter.encoding";

    private JavaCharset _charset = JavaCharset.Utf8;

    /// <summary>Gets the Java name of the configured charset.</summary>
    public string EncodingName => _charset.Name;

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> configs, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(configs);
        _charset = configs.TryGetValue(EncodingConfig, out var name) && name is not null
            ? JavaCharset.Resolve(EncodingConfig, name)
            : JavaCharset.Utf8;
    }

    /// <inheritdoc/>
    public byte[]? FromConnectData(string topic, ConnectHeaders? headers, Schema? schema, object? value) =>
        value is null ? null : _charset.Encode(ValueText.ToText(value));

    /// <inheritdoc/>
    public SchemaAndValue ToConnectData(string topic, ConnectHeaders? headers, ReadOnlySpan<byte> value, bool isNull) =>
        new(Schema.OptionalStringSchema, isNull ? null : _charset.Decode(value));
}
