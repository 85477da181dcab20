using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Renders a Connect default value as the JSON Avro stores in field defaults and <c>connect.default</c> (Confluent's
/// <c>defaultValueFromConnect</c>): logical values by their underlying value, bytes as ISO-8859-1 text, maps with
/// non-string keys as <c>[[key, value], …]</c>, a union struct as its first member.
/// </summary>
internal static class ConnectDefaultJson
{
    public static JsonNode? From(Schema schema, object? value, AvroDataConfig config)
    {
        if (value is null)
        {
            return null;
        }

        var underlying = LogicalValues.ToUnderlying(schema, value);
        try
        {
            switch (schema.Type)
            {
                case SchemaType.Int8:
                    return JsonValue.Create((int)(sbyte)underlying);
                case SchemaType.Int16:
                    return JsonValue.Create((int)(short)underlying);
                case SchemaType.Int32:
                    return JsonValue.Create((int)underlying);
                case SchemaType.Int64:
                    return JsonValue.Create((long)underlying);
                case SchemaType.Float32:
                    return JsonValue.Create((float)underlying);
                case SchemaType.Float64:
                    return JsonValue.Create((double)underlying);
                case SchemaType.Boolean:
                    return JsonValue.Create((bool)underlying);
                case SchemaType.String:
                    return JsonValue.Create((string)underlying);
                case SchemaType.Bytes:
                    return JsonValue.Create(Encoding.Latin1.GetString((byte[])underlying));
                case SchemaType.Array:
                    var array = new JsonArray();
                    foreach (var element in (IEnumerable)underlying)
                    {
                        array.Add(From(schema.ValueSchema!, element, config));
                    }

                    return array;
                case SchemaType.Map:
                    return FromMap(schema, underlying, config);
                default:
                    return FromStruct(schema, (Struct)underlying, config);
            }
        }
        catch (InvalidCastException)
        {
            throw new DataException($"Invalid type used for default value of {schema.Type.ToConnectName()} field: {value.GetType()}");
        }
    }

    private static JsonNode FromMap(Schema schema, object map, AvroDataConfig config)
    {
        var stringKeys = schema.KeySchema!.Type == SchemaType.String && (!schema.KeySchema.IsOptional || config.AllowOptionalMapKeys);
        JsonNode result = stringKeys ? new JsonObject() : new JsonArray();
        foreach (var (key, entryValue) in MapEntries(map))
        {
            var valueJson = From(schema.ValueSchema!, entryValue, config);
            if (result is JsonObject obj)
            {
                obj[(string)key!] = valueJson;
            }
            else
            {
                ((JsonArray)result).Add(new JsonArray(From(schema.KeySchema, key, config), valueJson));
            }
        }

        return result;
    }

    private static JsonNode? FromStruct(Schema schema, Struct value, AvroDataConfig config)
    {
        var isUnion = AvroSchemas.IsUnionStruct(schema);
        var obj = new JsonObject();
        foreach (var field in schema.Fields)
        {
            var fieldJson = From(field.Schema, value.Get(field), config);
            if (isUnion)
            {
                return fieldJson;
            }

            obj[AvroNames.ScrubIf(field.Name, config.ScrubInvalidNames)] = fieldJson;
        }

        return obj;
    }

    public static IEnumerable<KeyValuePair<object?, object?>> MapEntries(object map)
    {
        if (map is IReadOnlyDictionary<object, object?> readOnly)
        {
            foreach (var (key, value) in readOnly)
            {
                yield return new KeyValuePair<object?, object?>(key, value);
            }
        }
        else
        {
            foreach (DictionaryEntry entry in (IDictionary)map)
            {
                yield return new KeyValuePair<object?, object?>(entry.Key, entry.Value);
            }
        }
    }
}
