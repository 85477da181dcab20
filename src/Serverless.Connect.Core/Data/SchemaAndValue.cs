namespace Serverless.Connect.Data;

/// <summary>A value with its schema, as returned by converters. Mirrors <c>org.apache.kafka.connect.data.SchemaAndValue</c>.</summary>
/// <param name="Schema">The schema, or <see langword="null"/> for schemaless data.</param>
/// <param name="Value">The value, or <see langword="null"/>.</param>
/// <remarks>Equality compares values deeply (see <see cref="ConnectValueComparer"/>).</remarks>
public sealed record SchemaAndValue(Schema? Schema, object? Value)
{
    /// <summary>Gets the null schema and value, which is what converters return for a tombstone.</summary>
    public static SchemaAndValue Null { get; } = new(null, null);

    /// <inheritdoc/>
    public bool Equals(SchemaAndValue? other) =>
        other is not null && Equals(Schema, other.Schema) && ConnectValueComparer.Instance.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Schema, ConnectValueComparer.Instance.GetHashCode(Value));
}
