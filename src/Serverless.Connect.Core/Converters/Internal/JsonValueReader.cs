using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// Reads JSON into Connect values like Kafka's <c>JsonConverter.convertToConnect</c>, streaming with
/// <see cref="Utf8JsonReader"/> (no DOM). The reader must be positioned on the value's first token.
/// </summary>
/// <remarks>
/// Schemaless: objects become maps with string keys, integral numbers INT64 (<see cref="long"/>), other numbers FLOAT64.
/// With a schema, numbers are coerced as Jackson does (a JSON <c>12.9</c> read as INT32 is 12); a JSON token of the wrong
/// kind (a string for an INT32, a number for a STRING, …) raises <see cref="DataException"/> where Kafka would silently
/// produce 0, false or null.
/// </remarks>
internal static partial class JsonValueReader
{
    public static object? Read(ref Utf8JsonReader reader, Schema? schema, JsonConverterConfig config)
    {
        if (schema is null)
        {
            return ReadSchemaless(ref reader);
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return NullValue(schema, config, null);
        }

        if (schema.Logical != LogicalType.None)
        {
            return ReadLogical(ref reader, schema);
        }

        switch (schema.Type)
        {
            case SchemaType.Boolean:
                return reader.TokenType switch
                {
                    JsonTokenType.True => BoxCache.True,
                    JsonTokenType.False => BoxCache.False,
                    _ => throw Mismatch(schema, reader.TokenType),
                };
            case SchemaType.Int8:
                return unchecked((sbyte)ReadInt64(ref reader, schema));
            case SchemaType.Int16:
                return unchecked((short)ReadInt64(ref reader, schema));
            case SchemaType.Int32:
                return BoxCache.Int32(unchecked((int)ReadInt64(ref reader, schema)));
            case SchemaType.Int64:
                return BoxCache.Int64(ReadInt64(ref reader, schema));
            case SchemaType.Float32:
                return ReadFloat(ref reader, schema);
            case SchemaType.Float64:
                return ReadDouble(ref reader, schema);
            case SchemaType.String:
                return reader.TokenType == JsonTokenType.String ? ReadString(ref reader) : throw Mismatch(schema, reader.TokenType);
            case SchemaType.Bytes:
                return reader.TokenType == JsonTokenType.String ? ReadBase64(ref reader) : throw Mismatch(schema, reader.TokenType);
            case SchemaType.Array:
                return ReadArray(ref reader, schema, config);
            case SchemaType.Map:
                return ReadMap(ref reader, schema, config);
            case SchemaType.Struct:
                return ReadStruct(ref reader, schema, config);
            default:
                throw new DataException($"Unknown schema type: {schema.Type}");
        }
    }

    public static object? NullValue(Schema schema, JsonConverterConfig config, string? fieldName)
    {
        if (schema.DefaultValue is not null && config.ReplaceNullWithDefault)
        {
            return schema.DefaultValue;
        }

        if (schema.IsOptional)
        {
            return null;
        }

        var suffix = fieldName is null ? string.Empty : $" \"{fieldName}\"";
        throw new DataException($"Invalid null value for required {schema.Type.ToConnectName()} field{suffix}");
    }

    public static string NodeType(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "OBJECT",
        JsonTokenType.StartArray => "ARRAY",
        JsonTokenType.String => "STRING",
        JsonTokenType.Number => "NUMBER",
        JsonTokenType.True or JsonTokenType.False => "BOOLEAN",
        JsonTokenType.Null => "NULL",
        _ => "MISSING",
    };

    private static object? ReadSchemaless(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return BoxCache.True;
            case JsonTokenType.False:
                return BoxCache.False;
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number:
                return IsIntegral(reader.ValueSpan) ? BoxCache.Int64(ParseIntegral(reader.ValueSpan)) : ParseDouble(reader.ValueSpan);
            case JsonTokenType.StartArray:
            {
                var scratch = ReadScratch.Current;
                var start = scratch.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    scratch.Push(ReadSchemaless(ref reader));
                }

                return scratch.PopArray(start);
            }

            case JsonTokenType.StartObject:
            {
                var scratch = ReadScratch.Current;
                var start = scratch.Count;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    scratch.Push(ReadPropertyName(ref reader));
                    reader.Read();
                    scratch.Push(ReadSchemaless(ref reader));
                }

                return scratch.PopMap(start);
            }

            default:
                throw new DataException($"Unexpected JSON token {reader.TokenType}");
        }
    }

    private static object ReadLogical(ref Utf8JsonReader reader, Schema schema)
    {
        var token = reader.TokenType;
        switch (schema.Logical)
        {
            case LogicalType.Decimal:
                if (token == JsonTokenType.Number)
                {
                    return ParseDecimal(reader.ValueSpan);
                }

                if (token == JsonTokenType.String)
                {
                    var scale = DecimalSchema.ScaleOf(schema);
                    byte[] bytes;
                    try
                    {
                        bytes = ReadBase64(ref reader);
                    }
                    catch (Exception e) when (e is DataException or FormatException)
                    {
                        throw new DataException("Invalid bytes for Decimal field", e);
                    }

                    if (bytes.Length == 0)
                    {
                        throw new DataException("Invalid bytes for Decimal field");
                    }

                    return new ConnectDecimal(new BigInteger(bytes, isUnsigned: false, isBigEndian: true), scale);
                }

                throw new DataException(
                    $"Invalid type for Decimal, underlying representation should be numeric or bytes but was {NodeType(token)}");
            case LogicalType.Date:
                if (token != JsonTokenType.Number || !TryParseInt32(reader.ValueSpan, out var days))
                {
                    throw new DataException($"Invalid type for Date, underlying representation should be integer but was {NodeType(token)}");
                }

                return DateSchema.ToLogical(schema, days);
            case LogicalType.Time:
                if (token != JsonTokenType.Number || !TryParseInt32(reader.ValueSpan, out var millis))
                {
                    throw new DataException($"Invalid type for Time, underlying representation should be integer but was {NodeType(token)}");
                }

                return TimeSchema.ToLogical(schema, millis);
            default:
                if (token != JsonTokenType.Number || !IsIntegral(reader.ValueSpan))
                {
                    throw new DataException(
                        $"Invalid type for Timestamp, underlying representation should be integral but was {NodeType(token)}");
                }

                return TimestampSchema.ToLogical(schema, ParseIntegral(reader.ValueSpan));
        }
    }

    private static object?[] ReadArray(ref Utf8JsonReader reader, Schema schema, JsonConverterConfig config)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch(schema, reader.TokenType);
        }

        var elementSchema = schema.ValueSchema;
        var scratch = ReadScratch.Current;
        var start = scratch.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            scratch.Push(Read(ref reader, elementSchema, config));
        }

        return scratch.PopArray(start);
    }

    private static ConnectMap ReadMap(ref Utf8JsonReader reader, Schema schema, JsonConverterConfig config)
    {
        var keySchema = schema.KeySchema!;
        var valueSchema = schema.ValueSchema;
        var scratch = ReadScratch.Current;
        var start = scratch.Count;
        if (keySchema.Type == SchemaType.String)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DataException($"Maps with string fields should be encoded as JSON objects, but found {NodeType(reader.TokenType)}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                scratch.Push(ReadPropertyName(ref reader));
                reader.Read();
                scratch.Push(Read(ref reader, valueSchema, config));
            }

            return scratch.PopMap(start);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new DataException($"Maps with non-string fields should be encoded as JSON array of tuples, but found {NodeType(reader.TokenType)}");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DataException($"Found invalid map entry instead of array tuple: {NodeType(reader.TokenType)}");
            }

            object? key = null;
            object? value = null;
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                switch (count++)
                {
                    case 0:
                        key = Read(ref reader, keySchema, config);
                        break;
                    case 1:
                        value = Read(ref reader, valueSchema, config);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (count != 2)
            {
                throw new DataException($"Found invalid map entry, expected length 2 but found :{count}");
            }

            scratch.Push(key ?? throw new DataException("Map keys may not be null"));
            scratch.Push(value);
        }

        return scratch.PopMap(start);
    }

    private static Struct ReadStruct(ref Utf8JsonReader reader, Schema schema, JsonConverterConfig config)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DataException($"Structs should be encoded as JSON objects, but found {NodeType(reader.TokenType)}");
        }

        var fields = schema.FieldArray;
        var values = new object?[fields.Length];
        Span<bool> seen = fields.Length <= 256 ? stackalloc bool[fields.Length] : new bool[fields.Length];
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Producers almost always write fields in schema order, so try the next field first.
            Field? field = null;
            if (expected < fields.Length && reader.ValueTextEquals(fields[expected].Utf8Name))
            {
                field = fields[expected];
            }
            else
            {
                foreach (var candidate in fields)
                {
                    if (reader.ValueTextEquals(candidate.Utf8Name))
                    {
                        field = candidate;
                        break;
                    }
                }
            }

            reader.Read();
            if (field is null)
            {
                reader.Skip();
                continue;
            }

            values[field.Index] = reader.TokenType == JsonTokenType.Null
                ? NullValue(field.Schema, config, field.Name)
                : Read(ref reader, field.Schema, config);
            seen[field.Index] = true;
            expected = field.Index + 1;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (!seen[i])
            {
                values[i] = NullValue(fields[i].Schema, config, fields[i].Name);
            }
        }

        return new Struct(schema, values, knownValid: true);
    }

    private static string ReadPropertyName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? reader.GetString()! : Utf8StringCache.Names.Get(reader.ValueSpan);

    private static string ReadString(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? reader.GetString()! : Utf8StringCache.Values.Get(reader.ValueSpan);

    private static DataException Mismatch(Schema schema, JsonTokenType token) =>
        new($"Invalid JSON {NodeType(token)} for schema type {schema.Type.ToConnectName()}");
}
