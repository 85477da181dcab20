using System.Text;
using Serverless.Connect.Converters.Internal;

namespace Serverless.Connect.Data;

/// <summary>A field of a STRUCT schema: its name, its position and its schema. Mirrors <c>org.apache.kafka.connect.data.Field</c>.</summary>
public sealed class Field : IEquatable<Field>
{
    /// <summary>Initializes a new field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="index">The zero-based position of the field in its struct.</param>
    /// <param name="schema">The schema of the field's value.</param>
    public Field(string name, int index, Schema schema)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Name = name;
        Index = index;
        Schema = schema;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        JsonPropertyPrefix = JsonOutput.EncodePropertyName(name);
    }

    /// <summary>Gets the field name.</summary>
    public string Name { get; }

    /// <summary>Gets the zero-based position of the field in its struct.</summary>
    public int Index { get; }

    /// <summary>Gets the schema of the field's value.</summary>
    public Schema Schema { get; }

    // Pre-encoded forms used by the JSON converter so that neither reading nor writing allocates per field.
    internal byte[] Utf8Name { get; }

    internal byte[] JsonPropertyPrefix { get; }

    /// <inheritdoc/>
    public bool Equals(Field? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Index == other.Index && string.Equals(Name, other.Name, StringComparison.Ordinal) && Schema.Equals(other.Schema)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Field);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Index, Schema);

    /// <summary>Formats the field like Kafka: <c>Field{name=…, index=…, schema=…}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Field{{name={Name}, index={Index}, schema={Schema}}}";
}
