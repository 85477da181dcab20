using System.Globalization;
using System.Text.Json;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Reads JSON (Connect REST bodies or <c>kubectl -o json</c> output) into a <see cref="DocNode"/> tree.</summary>
/// <remarks>Numbers keep their source text, as Jackson's coercion of a number to <c>String</c> does.</remarks>
internal static class JsonDocumentReader
{
    private static readonly JsonDocumentOptions _options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static DocNode Read(string text, string source, List<ConfigProblem> warnings)
    {
        try
        {
            using var document = JsonDocument.Parse(text, _options);
            return Convert(document.RootElement, source, warnings);
        }
        catch (JsonException e)
        {
            var line = ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            throw new ConfigException($"{source}:{line}: invalid JSON: {e.Message}", e);
        }
    }

    private static DocNode Convert(JsonElement element, string source, List<ConfigProblem> warnings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var entries = new List<KeyValuePair<string, DocNode>>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var value = Convert(property.Value, source, warnings);
                    if (index.TryGetValue(property.Name, out var existing))
                    {
                        warnings.Add(new ConfigProblem(property.Name, "duplicate key; the last value is used", source));
                        entries[existing] = new KeyValuePair<string, DocNode>(property.Name, value);
                    }
                    else
                    {
                        index[property.Name] = entries.Count;
                        entries.Add(new KeyValuePair<string, DocNode>(property.Name, value));
                    }
                }

                return new DocMapping(entries, 0, 0);
            case JsonValueKind.Array:
                return new DocSequence(element.EnumerateArray().Select(e => Convert(e, source, warnings)).ToList(), 0, 0);
            case JsonValueKind.String:
                return new DocScalar(element.GetString(), ScalarKind.String, 0, 0);
            case JsonValueKind.Number:
                return new DocScalar(element.GetRawText(), ScalarKind.Number, 0, 0);
            case JsonValueKind.True:
                return new DocScalar("true", ScalarKind.Boolean, 0, 0);
            case JsonValueKind.False:
                return new DocScalar("false", ScalarKind.Boolean, 0, 0);
            default:
                return new DocScalar(null, ScalarKind.Null, 0, 0);
        }
    }
}
