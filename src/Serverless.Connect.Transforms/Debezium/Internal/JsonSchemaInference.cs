using System.Globalization;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>
/// Debezium's <c>JsonSchemaData</c> for <c>table.expand.json.payload</c>: infers a Connect schema from a JSON document
/// and converts the document to a value of it. Numbers follow Jackson's node types: integers that fit an int are INT32,
/// that fit a long INT64, all others (fractions, exponents, bigger integers) FLOAT64. Objects become optional structs
/// named by their path (<c>payload</c>, <c>payload.customer</c>); JSON nulls and empty arrays are left out unless
/// configured otherwise.
/// </summary>
internal sealed class JsonSchemaInference
{
    private readonly JsonPayloadNullBehavior _nulls;
    private readonly JsonPayloadEmptyArrayBehavior _emptyArrays;
    private readonly FieldNameAdjustment _names;

    public JsonSchemaInference(JsonPayloadNullBehavior nulls, JsonPayloadEmptyArrayBehavior emptyArrays, FieldNameAdjustment names)
    {
        _nulls = nulls;
        _emptyArrays = emptyArrays;
        _names = names;
    }

    /// <summary>Parses and converts a payload; throws when Debezium's expansion would fail (the caller keeps the string).</summary>
    public (Schema Schema, object? Value) Expand(string fieldName, string json)
    {
        if (!json.StartsWith('{') && !json.StartsWith('['))
        {
            throw new FormatException(json.Length == 0
                ? "Unable to parse an empty payload"
                : $"Unable to parse payload starting with '{json[0]}'");
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var schema = ToSchema(fieldName, root) ?? throw new DataException("The JSON payload has no inferable schema");
        return (schema, ToStruct(root, schema));
    }

    private Schema? ToSchema(string? key, JsonElement node)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String:
                return Schema.OptionalStringSchema;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return Schema.OptionalBooleanSchema;
            case JsonValueKind.Number:
                return NumberKindOf(node) switch
                {
                    NumberKind.Int => Schema.OptionalInt32Schema,
                    NumberKind.Long => Schema.OptionalInt64Schema,
                    _ => Schema.OptionalFloat64Schema,
                };
            case JsonValueKind.Array:
                if (node.GetArrayLength() == 0)
                {
                    return _emptyArrays == JsonPayloadEmptyArrayBehavior.OptionalString
                        ? SchemaBuilder.Array(Schema.OptionalStringSchema).Optional().Build()
                        : null;
                }

                return SchemaBuilder.Array(ElementSchema(key, node)).Optional().Build();
            case JsonValueKind.Object:
                var builder = SchemaBuilder.Struct().Name(key).Optional();
                foreach (var (name, value) in Properties(node))
                {
                    var fieldName = FieldNameAdjuster.Adjust(_names, name);
                    var fieldKey = (string.IsNullOrWhiteSpace(key) ? "" : key + ".") + fieldName;
                    var fieldSchema = ToSchema(fieldKey, value);
                    if (fieldSchema is not null && builder.Build().FieldByName(fieldName) is null)
                    {
                        builder.Field(fieldName, fieldSchema);
                    }
                }

                return builder.Build();
            case JsonValueKind.Null:
                return _nulls == JsonPayloadNullBehavior.OptionalBytes ? Schema.OptionalBytesSchema : null;
            default:
                return null;
        }
    }

    private Schema ElementSchema(string? key, JsonElement array)
    {
        var sample = FirstElement(array);
        if (sample is { ValueKind: JsonValueKind.Object })
        {
            Schema? merged = null;
            var seen = new List<Schema>();
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && ToSchema(key, element) is { } elementSchema && !seen.Contains(elementSchema))
                {
                    seen.Add(elementSchema);
                    merged = Merge(merged, elementSchema);
                }
            }

            return merged!;
        }

        // An array of nulls only has a member schema with table.json.payload.null.behavior=optional_bytes.
        return ToSchema(null, sample ?? NullElement)
            ?? throw new ConnectException("Array '' has unrecognized member schema.");
    }

    // Debezium merges the field lists of differently shaped array elements; a BYTES (JSON null) field gives way to a typed one.
    // The merged schema copies only the basics of the first, so (as in Debezium) it is no longer optional.
    private static Schema Merge(Schema? left, Schema right)
    {
        if (left is null)
        {
            return right;
        }

        var fields = new List<(string Name, Schema Schema)>(left.Fields.Select(f => (f.Name, f.Schema)));
        foreach (var field in right.Fields)
        {
            var index = fields.FindIndex(f => f.Name == field.Name);
            if (index < 0)
            {
                fields.Add((field.Name, field.Schema));
            }
            else if (!fields[index].Schema.Equals(field.Schema) && fields[index].Schema.Type == SchemaType.Bytes && field.Schema.Type != SchemaType.Bytes)
            {
                fields[index] = (field.Name, field.Schema);
            }
        }

        var builder = SchemaBuilder.Struct().CopyBasicsFrom(left);
        foreach (var (name, schema) in fields)
        {
            builder.Field(name, schema);
        }

        return builder.Build();
    }

    private JsonElement? FirstElement(JsonElement array)
    {
        JsonElement? first = null;
        Schema? firstNumberSchema = null;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            first ??= element;
            if (Kind(element) != Kind(first.Value))
            {
                throw new ConnectException($"Field is not a homogenous array ({Text(first.Value)} x {Kind(element)}).");
            }

            if (element.ValueKind == JsonValueKind.Number)
            {
                firstNumberSchema ??= ToSchema(null, first.Value);
                var elementSchema = ToSchema(null, element);
                if (!ReferenceEquals(firstNumberSchema, elementSchema))
                {
                    throw new ConnectException(
                        $"Field is not a homogenous array ({Text(first.Value)} x {Text(element)}), different number types ({firstNumberSchema} x {elementSchema})");
                }
            }
        }

        return first;
    }

    private Struct ToStruct(JsonElement document, Schema schema)
    {
        if (schema.Type != SchemaType.Struct || document.ValueKind != JsonValueKind.Object)
        {
            throw new DataException($"Not a struct schema: {schema}");
        }

        var properties = Properties(document).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var builder = new StructBuilder(schema);
        foreach (var field in schema.Fields)
        {
            if (properties.TryGetValue(field.Name, out var value))
            {
                builder.Put(field, ToValue(value, field.Schema));
            }
        }

        return builder.Build();
    }

    private object? ToValue(JsonElement node, Schema schema) => node.ValueKind switch
    {
        JsonValueKind.String => node.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => NumberKindOf(node) switch
        {
            NumberKind.Double => node.GetDouble(),
            NumberKind.Int => node.GetInt32(),
            NumberKind.Long => node.GetInt64(),
            _ => decimal.Parse(node.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        },
        JsonValueKind.Array => node.EnumerateArray().Select(e => ToValue(e, schema.ValueSchema!)).ToArray(),
        JsonValueKind.Object => ToStruct(node, schema),
        _ => null,
    };

    // Jackson keeps the first position and the last value of a repeated object key.
    private static List<(string Name, JsonElement Value)> Properties(JsonElement node)
    {
        var result = new List<(string Name, JsonElement Value)>();
        foreach (var property in node.EnumerateObject())
        {
            var index = result.FindIndex(p => p.Name == property.Name);
            if (index < 0)
            {
                result.Add((property.Name, property.Value));
            }
            else
            {
                result[index] = (property.Name, property.Value);
            }
        }

        return result;
    }

    private static NumberKind NumberKindOf(JsonElement node)
    {
        var raw = node.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            return NumberKind.Double;
        }

        if (node.TryGetInt32(out _))
        {
            return NumberKind.Int;
        }

        return node.TryGetInt64(out _) ? NumberKind.Long : NumberKind.BigInteger;
    }

    private static string Kind(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
        JsonValueKind.Number => "NUMBER",
        JsonValueKind.String => "STRING",
        JsonValueKind.Array => "ARRAY",
        JsonValueKind.Object => "OBJECT",
        _ => "NULL",
    };

    private static string Text(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.String => node.GetString() ?? "",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.GetRawText(),
        _ => "",
    };

    private static JsonElement NullElement { get; } = CreateNull();

    private static JsonElement CreateNull()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }

    private enum NumberKind
    {
        Int,
        Long,
        Double,
        BigInteger,
    }
}
