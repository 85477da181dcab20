using System.Buffers;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Derives an explicit index mapping from a Connect schema, as Confluent's <c>Mapping.inferMapping</c> does.</summary>
internal static class MappingBuilder
{
    public static byte[] Build(Schema schema)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, schema);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, Schema schema)
    {
        switch (schema.Name)
        {
            case DateSchema.LogicalName or TimeSchema.LogicalName or TimestampSchema.LogicalName:
                Primitive(writer, "date", schema.DefaultValue);
                return;
            case DecimalSchema.LogicalName:
                Primitive(writer, "double", schema.DefaultValue);
                return;
        }

        switch (schema.Type)
        {
            case SchemaType.Array:
                Write(writer, schema.ValueSchema!);
                return;
            case SchemaType.Map:
                writer.WriteStartObject();
                writer.WriteStartObject("properties");
                writer.WritePropertyName("key");
                Write(writer, schema.KeySchema!);
                writer.WritePropertyName("value");
                Write(writer, schema.ValueSchema!);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            case SchemaType.Struct:
                writer.WriteStartObject();
                writer.WriteStartObject("properties");
                foreach (var field in schema.Fields)
                {
                    writer.WritePropertyName(field.Name);
                    Write(writer, field.Schema);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                Primitive(writer, schema.Type switch
                {
                    SchemaType.Boolean => "boolean",
                    SchemaType.Int8 => "byte",
                    SchemaType.Int16 => "short",
                    SchemaType.Int32 => "integer",
                    SchemaType.Int64 => "long",
                    SchemaType.Float32 => "float",
                    SchemaType.Float64 => "double",
                    SchemaType.String => "text",
                    SchemaType.Bytes => "binary",
                    _ => throw new ConnectException("Invalid primitive type."),
                }, schema.DefaultValue);
                return;
        }
    }

    private static void Primitive(Utf8JsonWriter writer, string type, object? defaultValue)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        if (type == "text")
        {
            writer.WriteStartObject("fields");
            writer.WriteStartObject("keyword");
            writer.WriteString("type", "keyword");
            writer.WriteNumber("ignore_above", 256);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // Elasticsearch has no null_value for text and binary fields, so their defaults are not mapped.
        switch (defaultValue)
        {
            case null or string or byte[]:
                break;
            case bool b:
                writer.WriteBoolean("null_value", b);
                break;
            case sbyte or short or int or long:
                writer.WriteNumber("null_value", Convert.ToInt64(defaultValue, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case float f:
                writer.WriteNumber("null_value", f);
                break;
            case double d:
                writer.WriteNumber("null_value", d);
                break;
            case ConnectDecimal dec:
                writer.WriteNumber("null_value", dec.ToDouble());
                break;
            case DateTimeOffset ts:
                writer.WriteNumber("null_value", ts.ToUnixTimeMilliseconds());
                break;
            case DateOnly date:
                writer.WriteNumber("null_value", new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
                break;
            case TimeOnly time:
                writer.WriteNumber("null_value", (long)time.ToTimeSpan().TotalMilliseconds);
                break;
        }

        writer.WriteEndObject();
    }
}
