using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>A record header: a key, an optional schema and a value. Mirrors <c>org.apache.kafka.connect.header.Header</c>.</summary>
public sealed class ConnectHeader : IEquatable<ConnectHeader>
{
    /// <summary>Initializes a header; when a schema is given, the value is validated against it.</summary>
    /// <param name="key">The header key.</param>
    /// <param name="schema">The value schema, or <see langword="null"/> for schemaless values.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="DataException">The value does not match the schema.</exception>
    public ConnectHeader(string key, Schema? schema, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (schema is not null)
        {
            ValueValidator.Validate(key, schema, value);
        }

        Key = key;
        Schema = schema;
        Value = value;
    }

    /// <summary>Gets the header key.</summary>
    public string Key { get; }

    /// <summary>Gets the value schema, if any.</summary>
    public Schema? Schema { get; }

    /// <summary>Gets the value.</summary>
    public object? Value { get; }

    /// <summary>Returns a header with the same key and a new schema and value.</summary>
    /// <param name="schema">The new schema.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The new header.</returns>
    public ConnectHeader With(Schema? schema, object? value) => new(Key, schema, value);

    /// <summary>Returns a header with the same schema and value and a new key.</summary>
    /// <param name="key">The new key.</param>
    /// <returns>The new header.</returns>
    public ConnectHeader Rename(string key) => new(key, Schema, Value);

    /// <inheritdoc/>
    public bool Equals(ConnectHeader? other) =>
        other is not null &&
        string.Equals(Key, other.Key, StringComparison.Ordinal) &&
        Equals(Schema, other.Schema) &&
        ConnectValueComparer.Instance.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConnectHeader);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(Key), Schema, ConnectValueComparer.Instance.GetHashCode(Value));

    /// <summary>Formats like Kafka: <c>ConnectHeader(key=…, value=…, schema=…)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"ConnectHeader(key={Key}, value={ValueText.ToText(Value)}, schema={Schema?.ToString() ?? "null"})";
}
