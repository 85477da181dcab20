using System.Text;
using System.Text.Json.Nodes;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Converts an Avro default (a field default or a <c>connect.default</c> property) to a Connect value for the given
/// Connect schema, like Confluent's <c>defaultValueFromAvro</c>: bytes are ISO-8859-1 text, logical types are converted
/// from their underlying values, and a union default belongs to the union's first member.
/// </summary>
internal static class AvroDefaultToConnect
{
    /// <exception cref="DataException">The default does not fit the schema.</exception>
    public static object? Convert(Schema schema, AvroNode node, JsonNode? json, AvroDataConfig config)
    {
        var value = Underlying(schema, node, json, config);
        return value is null ? null : LogicalValues.ToLogical(schema, value);
    }

    private static object? Underlying(Schema schema, AvroNode node, JsonNode? json, AvroDataConfig config)
    {
        if (json is null)
        {
            return null;
        }

        switch (node.Type)
        {
            case AvroType.Int:
                var number = JsonNumbers.TryGetInt64(json, out var i) ? i : throw Invalid(schema);
                return schema.Type switch
                {
                    SchemaType.Int8 => (sbyte)number,
                    SchemaType.Int16 => (short)number,
                    SchemaType.Int32 => (int)number,
                    _ => throw Invalid(schema),
                };
            case AvroType.Long:
                return JsonNumbers.TryGetInt64(json, out var l) ? l : throw Invalid(schema);
            case AvroType.Float:
                return JsonNumbers.GetSingle(json);
            case AvroType.Double:
                return JsonNumbers.GetDouble(json);
            case AvroType.Boolean:
                return JsonNumbers.GetBoolean(json);
            case AvroType.Null:
                return null;
            case AvroType.String:
            case AvroType.Enum:
                return JsonNumbers.GetString(json);
            case AvroType.Bytes:
            case AvroType.Fixed:
                return Encoding.Latin1.GetBytes(JsonNumbers.GetString(json));
            case AvroType.Array:
                var array = json as JsonArray ?? throw new DataException("Invalid JSON for array default value");
                var elements = new object?[array.Count];
                for (var index = 0; index < array.Count; index++)
                {
                    elements[index] = Convert(schema.ValueSchema!, node.Items!, array[index], config);
                }

                return elements;
            case AvroType.Map:
                var map = json as JsonObject ?? throw new DataException("Invalid JSON for map default value");
                return ConnectMap.Create(map.Select(entry =>
                    new KeyValuePair<object, object?>(entry.Key, Convert(schema.ValueSchema!, node.Values!, entry.Value, config))));
            case AvroType.Record:
                return RecordDefault(schema, node, json, config);
            case AvroType.Union:
                return UnionDefault(schema, node, json, config);
            default:
                return null;
        }
    }

    private static Struct RecordDefault(Schema schema, AvroNode node, JsonNode json, AvroDataConfig config)
    {
        var obj = json as JsonObject ?? throw new DataException("Invalid JSON for record default value");
        if (schema.Type != SchemaType.Struct)
        {
            throw Invalid(schema);
        }

        var builder = new StructBuilder(schema);
        foreach (var avroField in node.Fields)
        {
            var field = schema.FieldByName(avroField.Name) ?? throw Invalid(schema);
            builder.Put(field, Convert(field.Schema, avroField.Schema, obj[field.Name], config));
        }

        return builder.BuildValidated();
    }

    private static object? UnionDefault(Schema schema, AvroNode union, JsonNode json, AvroDataConfig config)
    {
        var first = union.Branches[0];
        if (first.Type == AvroType.Null)
        {
            return null;
        }

        if (AvroSchemas.IsUnionStruct(schema))
        {
            var field = schema.FieldByName(AvroSchemas.UnionMemberFieldName(first, config)) ?? throw Invalid(schema);
            return new StructBuilder(schema).Put(field, Convert(field.Schema, first, json, config)).Build();
        }

        // An optional Connect schema read from [T, null]: the default is T's.
        return Underlying(schema, first, json, config);
    }

    private static DataException Invalid(Schema schema) => new($"Invalid default value for {schema}");
}
