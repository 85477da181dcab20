using Serverless.Connect.Data;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// A Connect schema viewed as required: Confluent's converter caches converted schemas under their non-optional form, so
/// an optional struct and the same struct used as required share one Avro record.
/// </summary>
internal readonly struct RequiredSchemaKey : IEquatable<RequiredSchemaKey>
{
    public RequiredSchemaKey(Schema schema)
    {
        Schema = schema;
    }

    public Schema Schema { get; }

    public bool Equals(RequiredSchemaKey other)
    {
        var a = Schema;
        var b = other.Schema;
        if (ReferenceEquals(a, b) || (a.IsOptional == b.IsOptional && a.Equals(b)))
        {
            return true;
        }

        if (a.Type != b.Type || a.Version != b.Version || a.Fields.Count != b.Fields.Count ||
            !string.Equals(a.Name, b.Name, StringComparison.Ordinal) || !string.Equals(a.Doc, b.Doc, StringComparison.Ordinal) ||
            !Equals(a.KeySchema, b.KeySchema) || !Equals(a.ValueSchema, b.ValueSchema) ||
            !ParametersEqual(a.Parameters, b.Parameters) || !ConnectValueComparer.Instance.Equals(a.DefaultValue, b.DefaultValue))
        {
            return false;
        }

        for (var i = 0; i < a.Fields.Count; i++)
        {
            if (!a.Fields[i].Equals(b.Fields[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RequiredSchemaKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Schema.Type, Schema.Name, Schema.Version, Schema.Fields.Count);

    private static bool Equals(Schema? a, Schema? b) => a is null ? b is null : a.Equals(b);

    private static bool ParametersEqual(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
