using System.Text;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>Parses the <c>schema</c> part of an envelope like Kafka's <c>JsonConverter.asConnectSchema</c>.</summary>
internal static class JsonSchemaReader
{
    public static Schema? Read(JsonElement json, JsonConverterConfig config)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (json.ValueKind != JsonValueKind.Object ||
            !json.TryGetProperty("type", out var typeNode) ||
            typeNode.ValueKind != JsonValueKind.String)
        {
            throw new DataException("Schema must contain 'type' field");
        }

        var builder = CreateBuilder(json, typeNode.GetString()!, config);
        if (json.TryGetProperty("optional", out var optional) && optional.ValueKind == JsonValueKind.True)
        {
            builder.Optional();
        }
        else
        {
            builder.Required();
        }

        if (json.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            builder.Name(name.GetString());
        }

        if (json.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && IsIntegral(version))
        {
            builder.Version(version.TryGetInt64(out var longVersion) ? unchecked((int)longVersion) : 0);
        }

        if (json.TryGetProperty("doc", out var doc) && doc.ValueKind == JsonValueKind.String)
        {
            builder.Doc(doc.GetString());
        }

        if (json.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var parameter in parameters.EnumerateObject())
            {
                if (parameter.Value.ValueKind != JsonValueKind.String)
                {
                    throw new DataException("Schema parameters must have string values.");
                }

                builder.Parameter(parameter.Name, parameter.Value.GetString()!);
            }
        }

        if (json.TryGetProperty("default", out var defaultNode))
        {
            // Kafka converts the default with the schema built so far (everything but the default itself).
            var withoutDefault = builder.Build();
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(defaultNode.GetRawText()));
            reader.Read();
            builder.DefaultValue(JsonValueReader.Read(ref reader, withoutDefault, config));
        }

        return builder.Build();
    }

    private static SchemaBuilder CreateBuilder(JsonElement json, string type, JsonConverterConfig config)
    {
        switch (type)
        {
            case "boolean":
                return SchemaBuilder.Bool();
            case "int8":
                return SchemaBuilder.Int8();
            case "int16":
                return SchemaBuilder.Int16();
            case "int32":
                return SchemaBuilder.Int32();
            case "int64":
                return SchemaBuilder.Int64();
            case "float":
                return SchemaBuilder.Float32();
            case "double":
                return SchemaBuilder.Float64();
            case "bytes":
                return SchemaBuilder.Bytes();
            case "string":
                return SchemaBuilder.String();
            case "array":
                if (!json.TryGetProperty("items", out var items) || items.ValueKind == JsonValueKind.Null)
                {
                    throw new DataException("Array schema did not specify the element type");
                }

                return SchemaBuilder.Array(Required(items, config));
            case "map":
                if (!json.TryGetProperty("keys", out var keys))
                {
                    throw new DataException("Map schema did not specify the key type");
                }

                if (!json.TryGetProperty("values", out var values))
                {
                    throw new DataException("Map schema did not specify the value type");
                }

                return SchemaBuilder.Map(Required(keys, config), Required(values, config));
            case "struct":
                if (!json.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
                {
                    throw new DataException("Struct schema's \"fields\" argument is not an array.");
                }

                var builder = SchemaBuilder.Struct();
                foreach (var field in fields.EnumerateArray())
                {
                    if (field.ValueKind != JsonValueKind.Object ||
                        !field.TryGetProperty("field", out var fieldName) ||
                        fieldName.ValueKind != JsonValueKind.String)
                    {
                        throw new DataException("Struct schema's field name not specified properly");
                    }

                    builder.Field(fieldName.GetString()!, Required(field, config));
                }

                return builder;
            default:
                throw new DataException($"Unknown schema type: {type}");
        }
    }

    private static Schema Required(JsonElement json, JsonConverterConfig config) =>
        Read(json, config) ?? throw new DataException("Nested schemas may not be null");

    private static bool IsIntegral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;
}
