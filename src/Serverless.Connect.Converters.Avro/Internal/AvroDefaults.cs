using System.Text.Json.Nodes;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Avro's default-value validation (Avro Java's <c>Schema.isValidDefault</c>): a union's default must match its first branch.</summary>
internal static class AvroDefaults
{
    public static bool IsValid(AvroNode schema, JsonNode? value)
    {
        switch (schema.Type)
        {
            case AvroType.Null:
                return value is null;
            case AvroType.Boolean:
                return JsonNumbers.IsBoolean(value);
            case AvroType.Int:
                return JsonNumbers.TryGetInt64(value, out var i) && i is >= int.MinValue and <= int.MaxValue;
            case AvroType.Long:
                return JsonNumbers.TryGetInt64(value, out _);
            case AvroType.Float:
            case AvroType.Double:
                return JsonNumbers.IsNumber(value);
            case AvroType.String:
            case AvroType.Bytes:
            case AvroType.Enum:
            case AvroType.Fixed:
                return JsonNumbers.IsString(value);
            case AvroType.Array:
                return value is JsonArray array && array.All(element => IsValid(schema.Items!, element));
            case AvroType.Map:
                return value is JsonObject map && map.All(entry => IsValid(schema.Values!, entry.Value));
            case AvroType.Union:
                return schema.Branches.Count > 0 && IsValid(schema.Branches[0], value);
            default:
                if (value is not JsonObject record)
                {
                    return false;
                }

                foreach (var field in schema.Fields)
                {
                    if (record.TryGetPropertyValue(field.Name, out var fieldValue) ? !IsValid(field.Schema, fieldValue) : !field.HasDefault)
                    {
                        return false;
                    }
                }

                return true;
        }
    }
}
