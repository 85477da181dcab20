using System.Collections;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>Writes Connect values as JSON exactly like Kafka's <c>JsonConverter.convertToJson</c>.</summary>
internal static class JsonValueWriter
{
    public static void Write(JsonOutput output, Schema? schema, object? value, JsonConverterConfig config)
    {
        if (value is null)
        {
            WriteNull(output, schema, config);
            return;
        }

        if (schema is not null && schema.Logical != LogicalType.None)
        {
            WriteLogical(output, schema, value, config);
            return;
        }

        var type = schema?.Type ?? InferType(value)
            ?? throw new DataException($".NET type {value.GetType()} does not have corresponding schema type.");
        switch (type)
        {
            case SchemaType.Int8:
                output.WriteInt64(value is sbyte int8 ? int8 : throw InvalidType(schema, value));
                break;
            case SchemaType.Int16:
                output.WriteInt64(value is short int16 ? int16 : throw InvalidType(schema, value));
                break;
            case SchemaType.Int32:
                output.WriteInt64(value is int int32 ? int32 : throw InvalidType(schema, value));
                break;
            case SchemaType.Int64:
                output.WriteInt64(value is long int64 ? int64 : throw InvalidType(schema, value));
                break;
            case SchemaType.Float32:
                output.WriteFloat(value is float float32 ? float32 : throw InvalidType(schema, value));
                break;
            case SchemaType.Float64:
                output.WriteDouble(value is double float64 ? float64 : throw InvalidType(schema, value));
                break;
            case SchemaType.Boolean:
                output.WriteBoolean(value is bool boolean ? boolean : throw InvalidType(schema, value));
                break;
            case SchemaType.String:
                output.WriteString(value as string ?? throw InvalidType(schema, value));
                break;
            case SchemaType.Bytes:
                output.WriteBase64String(value as byte[] ?? throw InvalidType(schema, value));
                break;
            case SchemaType.Array:
                WriteArray(output, schema?.ValueSchema, value, config);
                break;
            case SchemaType.Map:
                WriteMap(output, schema, value, config);
                break;
            case SchemaType.Struct:
                WriteStruct(output, schema, value, config);
                break;
        }
    }

    public static SchemaType? InferType(object value) => value switch
    {
        sbyte => SchemaType.Int8,
        short => SchemaType.Int16,
        int => SchemaType.Int32,
        long => SchemaType.Int64,
        float => SchemaType.Float32,
        double => SchemaType.Float64,
        bool => SchemaType.Boolean,
        string => SchemaType.String,
        byte[] => SchemaType.Bytes,
        Struct => SchemaType.Struct,
        IReadOnlyList<object?> or IList => SchemaType.Array,
        IReadOnlyDictionary<object, object?> or IDictionary => SchemaType.Map,
        _ => null,
    };

    private static void WriteNull(JsonOutput output, Schema? schema, JsonConverterConfig config)
    {
        if (schema is null)
        {
            output.WriteNull();
        }
        else if (schema.DefaultValue is not null && config.ReplaceNullWithDefault)
        {
            Write(output, schema, schema.DefaultValue, config);
        }
        else if (schema.IsOptional)
        {
            output.WriteNull();
        }
        else
        {
            throw new DataException("Conversion error: null value for field that is required and has no default value");
        }
    }

    private static void WriteLogical(JsonOutput output, Schema schema, object value, JsonConverterConfig config)
    {
        switch (schema.Logical)
        {
            case LogicalType.Decimal:
                if (value is not ConnectDecimal decimalValue)
                {
                    throw new DataException($"Invalid type for Decimal, expected BigDecimal but was {value.GetType()}");
                }

                if (config.DecimalFormat == DecimalFormat.Numeric)
                {
                    output.WriteAscii(decimalValue.ToString());
                }
                else
                {
                    output.WriteBase64String(DecimalSchema.FromLogical(schema, decimalValue));
                }

                break;
            case LogicalType.Date:
                output.WriteInt64(value is DateOnly date
                    ? DateSchema.FromLogical(schema, date)
                    : throw new DataException($"Invalid type for Date, expected Date but was {value.GetType()}"));
                break;
            case LogicalType.Time:
                output.WriteInt64(value is TimeOnly time
                    ? TimeSchema.FromLogical(schema, time)
                    : throw new DataException($"Invalid type for Time, expected Date but was {value.GetType()}"));
                break;
            case LogicalType.Timestamp:
                output.WriteInt64(value is DateTimeOffset timestamp
                    ? TimestampSchema.FromLogical(schema, timestamp)
                    : throw new DataException($"Invalid type for Timestamp, expected Date but was {value.GetType()}"));
                break;
        }
    }

    private static void WriteArray(JsonOutput output, Schema? elementSchema, object value, JsonConverterConfig config)
    {
        output.WriteByte((byte)'[');
        if (value is object?[] array)
        {
            for (var i = 0; i < array.Length; i++)
            {
                if (i > 0)
                {
                    output.WriteByte((byte)',');
                }

                Write(output, elementSchema, array[i], config);
            }
        }
        else if (value is IReadOnlyList<object?> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    output.WriteByte((byte)',');
                }

                Write(output, elementSchema, list[i], config);
            }
        }
        else
        {
            var first = true;
            foreach (var element in (IList)value)
            {
                if (!first)
                {
                    output.WriteByte((byte)',');
                }

                first = false;
                Write(output, elementSchema, element, config);
            }
        }

        output.WriteByte((byte)']');
    }

    private static void WriteMap(JsonOutput output, Schema? schema, object value, JsonConverterConfig config)
    {
        var keySchema = schema?.KeySchema;
        var valueSchema = schema?.ValueSchema;

        // String keys become a JSON object; any other key type becomes an array of [key, value] pairs.
        var objectMode = schema is not null ? keySchema!.Type == SchemaType.String : AllKeysAreStrings(value);
        output.WriteByte(objectMode ? (byte)'{' : (byte)'[');
        var first = true;
        switch (value)
        {
            case ConnectMap map:
                for (var i = 0; i < map.Count; i++)
                {
                    WriteEntry(output, keySchema, valueSchema, map.KeyAt(i), map.ValueAt(i), objectMode, ref first, config);
                }

                break;
            case Dictionary<object, object?> dictionary:
                foreach (var (key, entryValue) in dictionary)
                {
                    WriteEntry(output, keySchema, valueSchema, key, entryValue, objectMode, ref first, config);
                }

                break;
            case IReadOnlyDictionary<object, object?> entries:
                foreach (var (key, entryValue) in entries)
                {
                    WriteEntry(output, keySchema, valueSchema, key, entryValue, objectMode, ref first, config);
                }

                break;
            default:
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    WriteEntry(output, keySchema, valueSchema, entry.Key, entry.Value, objectMode, ref first, config);
                }

                break;
        }

        output.WriteByte(objectMode ? (byte)'}' : (byte)']');
    }

    private static void WriteEntry(
        JsonOutput output, Schema? keySchema, Schema? valueSchema, object? key, object? value, bool objectMode, ref bool first, JsonConverterConfig config)
    {
        if (!first)
        {
            output.WriteByte((byte)',');
        }

        first = false;
        if (objectMode)
        {
            switch (key)
            {
                case string text:
                    output.WriteString(text);
                    break;
                case null when keySchema is null || keySchema.IsOptional:
                    output.WriteString("null");
                    break;
                default:
                    throw InvalidType(keySchema, key ?? "null");
            }

            output.WriteByte((byte)':');
            Write(output, valueSchema, value, config);
        }
        else
        {
            output.WriteByte((byte)'[');
            Write(output, keySchema, key, config);
            output.WriteByte((byte)',');
            Write(output, valueSchema, value, config);
            output.WriteByte((byte)']');
        }
    }

    private static bool AllKeysAreStrings(object value)
    {
        switch (value)
        {
            case ConnectMap map:
                for (var i = 0; i < map.Count; i++)
                {
                    if (map.KeyAt(i) is not string)
                    {
                        return false;
                    }
                }

                return true;
            case Dictionary<object, object?> dictionary:
                foreach (var key in dictionary.Keys)
                {
                    if (key is not string)
                    {
                        return false;
                    }
                }

                return true;
            case IReadOnlyDictionary<object, object?> entries:
                return entries.Keys.All(key => key is string);
            default:
                return ((IDictionary)value).Keys.Cast<object>().All(key => key is string);
        }
    }

    private static void WriteStruct(JsonOutput output, Schema? schema, object value, JsonConverterConfig config)
    {
        if (value is not Struct structValue || schema is null || !structValue.Schema.Equals(schema))
        {
            throw new DataException("Mismatching schema.");
        }

        output.WriteByte((byte)'{');
        var fields = schema.FieldArray;
        var values = structValue.RawValues;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                output.WriteByte((byte)',');
            }

            output.WriteRaw(fields[i].JsonPropertyPrefix);

            // The raw value: a null is replaced by the field default in WriteNull only when replace.null.with.default is on.
            Write(output, fields[i].Schema, values[i], config);
        }

        output.WriteByte((byte)'}');
    }

    private static DataException InvalidType(Schema? schema, object value) =>
        new($"Invalid type for {schema?.Type.ToConnectName() ?? "unknown schema"}: {value.GetType()}");
}
