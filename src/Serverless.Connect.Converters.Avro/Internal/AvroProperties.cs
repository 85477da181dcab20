using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// The extra JSON properties of an Avro schema or field, in insertion order (the order is part of the schema text the
/// registry compares). Like Avro's <c>JsonProperties.addProp</c>, adding an existing key keeps the first value.
/// </summary>
internal sealed class AvroProperties
{
    private readonly List<KeyValuePair<string, JsonNode?>> _entries = [];

    public int Count => _entries.Count;

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Entries => _entries;

    public void Add(string key, JsonNode? value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return;
            }
        }

        _entries.Add(new KeyValuePair<string, JsonNode?>(key, value));
    }

    public bool TryGet(string key, out JsonNode? value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public JsonNode? Get(string key) => TryGet(key, out var value) ? value : null;

    /// <summary>Returns a property's value when it is a JSON string.</summary>
    public string? GetString(string key) =>
        Get(key) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
