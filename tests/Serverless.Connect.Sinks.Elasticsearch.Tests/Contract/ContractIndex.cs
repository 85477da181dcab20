using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>One index (or data stream) of the contract server, with a first-seen dynamic mapping of top-level fields.</summary>
public sealed class ContractIndex
{
    private readonly Dictionary<string, string> _mapping = new(StringComparer.Ordinal);

    public ContractIndex(string name, bool isDataStream)
    {
        Name = name;
        IsDataStream = isDataStream;
    }

    public string Name { get; }

    public bool IsDataStream { get; }

    public string Uuid { get; } = Guid.NewGuid().ToString("N")[..22];

    public Dictionary<string, StoredDocument> Documents { get; } = new(StringComparer.Ordinal);

    public long NextSeqNo { get; set; }

    /// <summary>The mapping put explicitly (<c>PUT /index/_mapping</c>), or null for a purely dynamic one.</summary>
    public JsonObject? ExplicitMapping { get; private set; }

    public JsonObject MappingJson() => ExplicitMapping?.DeepClone().AsObject() ?? new JsonObject
    {
        ["properties"] = new JsonObject(_mapping.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject { ["type"] = m.Value }))),
    };

    public void PutMapping(JsonObject mapping)
    {
        ExplicitMapping = (JsonObject)mapping.DeepClone();
        foreach (var (field, definition) in mapping["properties"]?.AsObject() ?? [])
        {
            _mapping[field] = definition?["properties"] is not null ? "object" : definition?["type"]?.GetValue<string>() switch
            {
                "byte" or "short" or "integer" or "long" => "long",
                "float" or "double" => "float",
                "boolean" => "boolean",
                "date" => "date",
                _ => "text",
            };
        }
    }

    public IEnumerable<KeyValuePair<string, StoredDocument>> Live => Documents.Where(d => d.Value.IsLive).OrderBy(d => d.Key, StringComparer.Ordinal);

    /// <summary>Checks the document against the mapping and extends the mapping with new fields; returns an error reason or null.</summary>
    public (string Type, string Reason)? Map(JsonObject source, string? id)
    {
        var added = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in source)
        {
            var kind = KindOf(value);
            if (kind is null)
            {
                continue;
            }

            if (!_mapping.TryGetValue(field, out var mapped) && !added.TryGetValue(field, out mapped))
            {
                added[field] = kind;
                continue;
            }

            if (Compatible(mapped, value))
            {
                continue;
            }

            var preview = value is JsonValue ? value.ToJsonString() : "{...}";
            return mapped == "object"
                ? ("document_parsing_exception",
                    $"[1:2] object mapping for [{field}] tried to parse field [{field}] as object, but found a concrete value")
                : ("document_parsing_exception",
                    $"[1:2] failed to parse field [{field}] of type [{mapped}] in document with id '{id}'. Preview of field's value: '{preview}'");
        }

        foreach (var (field, kind) in added)
        {
            _mapping[field] = kind;
        }

        return null;
    }

    private static string? KindOf(JsonNode? value) => value switch
    {
        null => null,
        JsonObject => "object",
        JsonArray array => array.Count == 0 ? null : KindOf(array[0]),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "text",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.ToJsonString().AsSpan().IndexOfAny(".eE") >= 0 ? "float" : "long",
            _ => null,
        },
        _ => null,
    };

    private static bool Compatible(string mapped, JsonNode? value)
    {
        switch (value)
        {
            case null:
                return true;
            case JsonArray array:
                return array.All(item => Compatible(mapped, item));
            case JsonObject:
                return mapped == "object";
        }

        if (mapped == "object")
        {
            return false;
        }

        var v = (JsonValue)value;
        return mapped switch
        {
            "long" or "float" => v.GetValueKind() == JsonValueKind.Number
                || (v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _)),
            "date" => v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String,
            "boolean" => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "true" or "false" or ""),
            _ => true,
        };
    }
}
