using System.Text.Json;

namespace Serverless.Connect.Demo.Internal;

/// <summary>A topic the watcher reads, and how its records are matched to commits.</summary>
/// <param name="Name">The topic.</param>
/// <param name="Table">The table of an unwrapped row topic, or null for an outbox event topic.</param>
/// <param name="Latency">Where the commit → Kafka latency goes; null to only count.</param>
/// <param name="DeadLetter">Whether this is a dead letter queue whose first records are kept for the summary.</param>
internal sealed record WatchedTopic(string Name, string? Table, LatencySamples? Latency, bool DeadLetter = false)
{
    public string? CommitKey(byte[]? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            var payload = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var p) && root.TryGetProperty("schema", out _) ? p : root;
            if (payload.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (Table is null)
            {
                return payload.TryGetProperty("event_id", out var eventId) && eventId.ValueKind == JsonValueKind.String
                    ? CommitLog.EventKey(eventId.GetString()!)
                    : null;
            }

            return payload.TryGetProperty("id", out var id) && payload.TryGetProperty("rev", out var rev)
                && id.TryGetInt64(out var idValue) && rev.TryGetInt64(out var revValue)
                ? CommitLog.RowKey(Table, idValue, revValue)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
