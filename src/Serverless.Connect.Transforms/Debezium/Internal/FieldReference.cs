using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>
/// One <c>add.fields</c>/<c>add.headers</c> entry: <c>field</c> or <c>struct.field</c>, optionally <c>:newName</c>.
/// Unqualified <c>op</c>/<c>ts_ms</c>/<c>ts_us</c>/<c>ts_ns</c> come from the envelope, <c>id</c>/<c>total_order</c>/
/// <c>data_collection_order</c> from <c>transaction</c>, anything else from <c>source</c>.
/// </summary>
internal sealed record FieldReference
{
    private FieldReference(string? structName, string field, string newField)
    {
        StructName = structName;
        Field = field;
        NewField = newField;
    }

    /// <summary>The envelope struct hosting the field, or null for envelope-level fields.</summary>
    public string? StructName { get; }

    public string Field { get; }

    /// <summary>The output field or header name, e.g. <c>__op</c> or <c>__source_ts_ms</c>.</summary>
    public string NewField { get; }

    public static IReadOnlyList<FieldReference> Parse(string prefix, IReadOnlyList<string> entries)
    {
        var result = new List<FieldReference>(entries.Count);
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            result.Add(ParseOne(prefix, entry));
        }

        return result;
    }

    /// <summary>The optional schema of the added field or header, or null when the envelope has no such field.</summary>
    public Schema? GetSchema(Schema envelopeSchema)
    {
        var parent = StructName is null ? envelopeSchema : ParentSchema(envelopeSchema);
        var field = parent.FieldByName(Field) ?? envelopeSchema.FieldByName(Field);
        return field is null ? null : Schemas.OptionalCopy(field.Schema);
    }

    /// <summary>The raw value (no default substitution); null when the hosting struct is null (e.g. no transaction).</summary>
    public object? GetValue(Struct envelope)
    {
        var parent = StructName is null ? envelope : envelope.GetWithoutDefault(StructName) as Struct;
        if (parent is null)
        {
            return null;
        }

        // A field another SMT put at the top level is found there when the struct lacks it.
        return parent.Schema.FieldByName(Field) is not null ? parent.GetWithoutDefault(Field) : envelope.GetWithoutDefault(Field);
    }

    /// <summary>The value from a schemaless (map) envelope.</summary>
    public object? GetValue(IReadOnlyDictionary<object, object?> envelope)
    {
        if (StructName is null)
        {
            return envelope.GetValueOrDefault(Field);
        }

        if (envelope.GetValueOrDefault(StructName) is not IReadOnlyDictionary<object, object?> parent)
        {
            return null;
        }

        return parent.TryGetValue(Field, out var value) ? value : envelope.GetValueOrDefault(Field);
    }

    private Schema ParentSchema(Schema envelopeSchema) =>
        envelopeSchema.FieldByName(StructName!)?.Schema
        ?? throw new DataException($"{StructName} is not a valid field name");

    private static FieldReference ParseOne(string prefix, string entry)
    {
        // Java's String.split drops trailing empty strings ("op:" is just "op").
        var parts = TrimTrailingEmpty(entry.Split(':'));
        if (parts.Length > 2)
        {
            throw new ArgumentException("Unexpected field name: " + entry);
        }

        var path = parts[0].Split('.');
        var field = path.Length == 1 ? path[0] : path[1];
        var structName = path.Length == 1 ? HostOf(field) : path[0];
        string newField;
        if (parts.Length == 2)
        {
            newField = prefix + parts[1];
        }
        else
        {
            newField = prefix + (path.Length == 1 ? field : structName + "_" + field);
        }

        return new FieldReference(structName, field, newField);
    }

    private static string[] TrimTrailingEmpty(string[] parts)
    {
        var length = parts.Length;
        while (length > 1 && parts[length - 1].Length == 0)
        {
            length--;
        }

        return parts[..length];
    }

    private static string? HostOf(string field) => field switch
    {
        Envelope.TransactionId or Envelope.TransactionTotalOrder or Envelope.TransactionDataCollectionOrder => Envelope.Transaction,
        Envelope.Operation or Envelope.Timestamp or Envelope.TimestampUs or Envelope.TimestampNs => null,
        _ => Envelope.Source,
    };
}
