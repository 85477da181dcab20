using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Parses Avro schema JSON (as stored in the registry) into an <see cref="AvroNode"/> tree, keeping every extra property
/// in order with its raw JSON value. Named types are resolved like Avro Java does (enclosing namespace, then as written).
/// </summary>
internal sealed class AvroSchemaReader
{
    private static readonly HashSet<string> _schemaReserved = new(StringComparer.Ordinal)
    {
        "doc", "fields", "items", "name", "namespace", "size", "symbols", "values", "type", "aliases",
    };

    private static readonly HashSet<string> _fieldReserved = new(StringComparer.Ordinal)
    {
        "default", "doc", "name", "order", "type", "aliases",
    };

    private readonly Dictionary<string, AvroNode> _names = new(StringComparer.Ordinal);

    private AvroSchemaReader()
    {
    }

    /// <exception cref="DataException">The text is not a valid Avro schema.</exception>
    public static AvroNode Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DataException($"Invalid Avro schema JSON: {e.Message}", e);
        }

        try
        {
            return new AvroSchemaReader().Read(root, null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new DataException($"Invalid Avro schema: {e.Message}", e);
        }
    }

    private AvroNode Read(JsonNode? json, string? space)
    {
        switch (json)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return Resolve(value.GetValue<string>(), space);
            case JsonArray array:
                var union = new AvroNode(AvroType.Union);
                foreach (var branch in array)
                {
                    union.Branches.Add(Read(branch, space));
                }

                return union;
            case JsonObject obj:
                return ReadObject(obj, space);
            default:
                throw new DataException($"Invalid Avro schema: {JacksonJson.ToText(json)}");
        }
    }

    private AvroNode Resolve(string name, string? space)
    {
        if (AvroNode.TryParsePrimitive(name, out var primitive))
        {
            return AvroNode.Primitive(primitive);
        }

        if (!name.Contains('.', StringComparison.Ordinal) && space is not null && _names.TryGetValue(space + "." + name, out var inSpace))
        {
            return inSpace;
        }

        return _names.TryGetValue(name, out var found) ? found : throw new DataException($"Undefined Avro name: {name}");
    }

    private AvroNode ReadObject(JsonObject obj, string? space)
    {
        var typeNode = obj["type"];
        if (typeNode is not JsonValue typeValue || typeValue.GetValueKind() != JsonValueKind.String)
        {
            if (typeNode is JsonObject or JsonArray)
            {
                return Read(typeNode, space);
            }

            throw new DataException($"No type in Avro schema: {JacksonJson.ToText(obj)}");
        }

        var type = typeValue.GetValue<string>();
        AvroNode node;
        switch (type)
        {
            case "record":
            case "error":
                node = NewNamed(AvroType.Record, obj, space);
                var recordSpace = string.IsNullOrEmpty(node.Namespace) ? null : node.Namespace;
                foreach (var fieldJson in obj["fields"] as JsonArray ?? throw new DataException($"Record has no fields: {node.FullName}"))
                {
                    node.AddField(ReadField(fieldJson as JsonObject ?? throw new DataException("Invalid Avro field"), recordSpace));
                }

                break;
            case "enum":
                node = NewNamed(AvroType.Enum, obj, space);
                foreach (var symbol in obj["symbols"] as JsonArray ?? [])
                {
                    node.Symbols.Add(symbol?.GetValue<string>() ?? throw new DataException("Invalid enum symbol"));
                }

                node.EnumDefault = (obj["default"] as JsonValue)?.GetValue<string>();
                break;
            case "fixed":
                node = NewNamed(AvroType.Fixed, obj, space);
                node.FixedSize = (obj["size"] as JsonValue)?.GetValue<int>() ?? throw new DataException($"Fixed has no size: {node.FullName}");
                break;
            case "array":
                node = new AvroNode(AvroType.Array) { Items = Read(obj["items"], space) };
                break;
            case "map":
                node = new AvroNode(AvroType.Map) { Values = Read(obj["values"], space) };
                break;
            default:
                if (!AvroNode.TryParsePrimitive(type, out var primitive))
                {
                    // {"type": "SomeRecord"} refers to a named type.
                    return Resolve(type, space);
                }

                node = new AvroNode(primitive);
                break;
        }

        foreach (var (key, value) in obj)
        {
            if (!_schemaReserved.Contains(key) && !(node.Type == AvroType.Enum && key == "default"))
            {
                node.Properties.Add(key, value?.DeepClone());
            }
        }

        return node;
    }

    private AvroNode NewNamed(AvroType type, JsonObject obj, string? space)
    {
        var name = (obj["name"] as JsonValue)?.GetValue<string>() ?? throw new DataException("Named Avro type without a name");
        var node = new AvroNode(type);
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            node.Namespace = name[..dot];
            node.Name = name[(dot + 1)..];
        }
        else
        {
            node.Name = name;
            node.Namespace = obj.ContainsKey("namespace") ? (obj["namespace"] as JsonValue)?.GetValue<string>() : space;
        }

        if (string.IsNullOrEmpty(node.Namespace))
        {
            node.Namespace = null;
        }

        node.Doc = (obj["doc"] as JsonValue)?.GetValue<string>();
        foreach (var alias in obj["aliases"] as JsonArray ?? [])
        {
            node.Aliases.Add(alias?.GetValue<string>() ?? string.Empty);
        }

        // Registered before the body is read so that recursive references resolve.
        _names[node.FullName!] = node;
        return node;
    }

    private AvroField ReadField(JsonObject obj, string? space)
    {
        var name = (obj["name"] as JsonValue)?.GetValue<string>() ?? throw new DataException("Avro field without a name");
        var schema = Read(obj["type"], space);
        var hasDefault = obj.TryGetPropertyValue("default", out var defaultValue);
        var aliases = new List<string>();
        foreach (var alias in obj["aliases"] as JsonArray ?? [])
        {
            aliases.Add(alias?.GetValue<string>() ?? string.Empty);
        }

        var field = new AvroField(name, schema, (obj["doc"] as JsonValue)?.GetValue<string>(), hasDefault, defaultValue?.DeepClone())
        {
            Order = (obj["order"] as JsonValue)?.GetValue<string>(),
            Aliases = aliases,
        };
        foreach (var (key, value) in obj)
        {
            if (!_fieldReserved.Contains(key))
            {
                field.Properties.Add(key, value?.DeepClone());
            }
        }

        return field;
    }
}
