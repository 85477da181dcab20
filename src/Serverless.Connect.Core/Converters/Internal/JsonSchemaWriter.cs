using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// Writes a schema as Kafka's <c>JsonConverter.asJsonSchema</c> does. Keys in emitted order: <c>type</c>, then
/// <c>items</c> | <c>keys</c>,<c>values</c> | <c>fields</c>, then <c>optional</c>, <c>name</c>, <c>version</c>,
/// <c>doc</c>, <c>parameters</c>, <c>default</c>; a struct field's schema gets <c>"field":"…"</c> appended last.
/// </summary>
internal static class JsonSchemaWriter
{
    public static void Write(JsonOutput output, Schema schema, JsonConverterConfig config) => Write(output, schema, null, config);

    private static void Write(JsonOutput output, Schema schema, string? fieldName, JsonConverterConfig config)
    {
        output.WriteRaw("{\"type\":"u8);
        output.WriteRaw(TypeName(schema.Type));
        switch (schema.Type)
        {
            case SchemaType.Array:
                output.WriteRaw(",\"items\":"u8);
                Write(output, schema.ValueSchema ?? throw MissingSchema(schema), null, config);
                break;
            case SchemaType.Map:
                output.WriteRaw(",\"keys\":"u8);
                Write(output, schema.KeySchema ?? throw MissingSchema(schema), null, config);
                output.WriteRaw(",\"values\":"u8);
                Write(output, schema.ValueSchema ?? throw MissingSchema(schema), null, config);
                break;
            case SchemaType.Struct:
                output.WriteRaw(",\"fields\":["u8);
                var fields = schema.FieldArray;
                for (var i = 0; i < fields.Length; i++)
                {
                    if (i > 0)
                    {
                        output.WriteByte((byte)',');
                    }

                    Write(output, fields[i].Schema, fields[i].Name, config);
                }

                output.WriteByte((byte)']');
                break;
        }

        output.WriteRaw(schema.IsOptional ? ",\"optional\":true"u8 : ",\"optional\":false"u8);
        if (schema.Name is not null)
        {
            output.WriteRaw(",\"name\":"u8);
            output.WriteString(schema.Name);
        }

        if (schema.Version is { } version)
        {
            output.WriteRaw(",\"version\":"u8);
            output.WriteInt64(version);
        }

        if (schema.Doc is not null)
        {
            output.WriteRaw(",\"doc\":"u8);
            output.WriteString(schema.Doc);
        }

        if (schema.Parameters is not null)
        {
            output.WriteRaw(",\"parameters\":{"u8);
            var first = true;
            foreach (var (key, value) in schema.Parameters)
            {
                if (!first)
                {
                    output.WriteByte((byte)',');
                }

                first = false;
                output.WriteString(key);
                output.WriteByte((byte)':');
                output.WriteString(value);
            }

            output.WriteByte((byte)'}');
        }

        if (schema.DefaultValue is not null)
        {
            output.WriteRaw(",\"default\":"u8);
            JsonValueWriter.Write(output, schema, schema.DefaultValue, config);
        }

        if (fieldName is not null)
        {
            output.WriteRaw(",\"field\":"u8);
            output.WriteString(fieldName);
        }

        output.WriteByte((byte)'}');
    }

    internal static ReadOnlySpan<byte> TypeName(SchemaType type) => type switch
    {
        SchemaType.Boolean => "\"boolean\""u8,
        SchemaType.Int8 => "\"int8\""u8,
        SchemaType.Int16 => "\"int16\""u8,
        SchemaType.Int32 => "\"int32\""u8,
        SchemaType.Int64 => "\"int64\""u8,
        SchemaType.Float32 => "\"float\""u8,
        SchemaType.Float64 => "\"double\""u8,
        SchemaType.Bytes => "\"bytes\""u8,
        SchemaType.String => "\"string\""u8,
        SchemaType.Array => "\"array\""u8,
        SchemaType.Map => "\"map\""u8,
        SchemaType.Struct => "\"struct\""u8,
        _ => throw new DataException($"Couldn't translate unsupported schema type {type}."),
    };

    private static DataException MissingSchema(Schema schema) => new($"Couldn't translate schema {schema}: missing element schema.");
}
