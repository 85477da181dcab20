using System.Text.Json;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Reads the items of a bulk response (<c>{"took":…,"errors":…,"items":[{"&lt;op&gt;":{…,"status":…,"error":{…}}}]}</c>).</summary>
internal static class BulkResponseParser
{
    /// <summary>Parses the response; returns null when it is not a bulk response with one item per operation.</summary>
    public static IReadOnlyList<BulkItemResult>? Parse(ReadOnlySpan<byte> body, int expectedItems)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array
                || items.GetArrayLength() != expectedItems)
            {
                return null;
            }

            var results = new BulkItemResult[expectedItems];
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                results[i++] = ParseItem(item);
            }

            return results;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static BulkItemResult ParseItem(JsonElement item)
    {
        foreach (var op in item.EnumerateObject())
        {
            var body = op.Value;
            var status = body.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 0;
            if (body.TryGetProperty("error", out var error))
            {
                var (type, reason) = error.ValueKind == JsonValueKind.Object
                    ? (Text(error, "type"), Text(error, "reason"))
                    : (null, error.ToString());
                return new BulkItemResult(status, type ?? "unknown", reason, error.GetRawText());
            }

            return new BulkItemResult(status, null, null, null);
        }

        return new BulkItemResult(0, "unknown", "empty bulk response item", null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
