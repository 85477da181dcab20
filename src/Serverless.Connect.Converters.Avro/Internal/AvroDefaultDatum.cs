using System.Text;
using System.Text.Json.Nodes;
using Avro.Generic;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Turns an Avro field's JSON default into Apache.Avro generic data, for fields a Connect value does not supply.</summary>
internal static class AvroDefaultDatum
{
    /// <exception cref="DataException">The field has no usable default.</exception>
    public static object? From(AvroField field) =>
        field.HasDefault
            ? From(field.Schema, field.DefaultValue)
            : throw new DataException($"Field {field.Name} is missing from the Connect value and has no default in the Avro schema");

    private static object? From(AvroNode node, JsonNode? json)
    {
        switch (node.Type)
        {
            case AvroType.Null:
                return null;
            case AvroType.Boolean:
                return JsonNumbers.GetBoolean(json);
            case AvroType.Int:
                return JsonNumbers.TryGetInt64(json, out var i) ? (int)i : throw Invalid(node);
            case AvroType.Long:
                return JsonNumbers.TryGetInt64(json, out var l) ? l : throw Invalid(node);
            case AvroType.Float:
                return JsonNumbers.GetSingle(json);
            case AvroType.Double:
                return JsonNumbers.GetDouble(json);
            case AvroType.String:
                return JsonNumbers.GetString(json);
            case AvroType.Bytes:
                return Encoding.Latin1.GetBytes(JsonNumbers.GetString(json));
            case AvroType.Fixed:
                return new GenericFixed((global::Avro.FixedSchema)node.Codec!, Encoding.Latin1.GetBytes(JsonNumbers.GetString(json)));
            case AvroType.Enum:
                return new GenericEnum((global::Avro.EnumSchema)node.Codec!, JsonNumbers.GetString(json));
            case AvroType.Union:
                return From(node.Branches[0], json);
            case AvroType.Array:
                return (json as JsonArray ?? throw Invalid(node)).Select(element => From(node.Items!, element)).ToArray();
            case AvroType.Map:
                return (json as JsonObject ?? throw Invalid(node)).ToDictionary(entry => entry.Key, entry => From(node.Values!, entry.Value));
            default:
                var obj = json as JsonObject ?? throw Invalid(node);
                var record = new GenericRecord((global::Avro.RecordSchema)node.Codec!);
                foreach (var field in node.Fields)
                {
                    record.Add(field.Position, obj.TryGetPropertyValue(field.Name, out var value) ? From(field.Schema, value) : From(field));
                }

                return record;
        }
    }

    private static DataException Invalid(AvroNode node) => new($"Invalid default value for Avro type {node}");
}
