using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;

namespace Serverless.Connect.Functions.Tests;

/// <summary>
/// Invocation bodies exactly as the Functions host posts them for a kafkaTrigger with cardinality many and dataType
/// string (functions-custom-handler.md §3, §6.4–6.6): each event is the extension's KafkaEventData serialized by
/// Newtonsoft (PascalCase, declaration order, header values as base64, Timestamp as the UTC DateTime); the string[]
/// batch is serialized once more by the host, so Data.events is one string holding a JSON array of strings.
/// </summary>
internal static class HostFormat
{
    public static string EventJson(ConsumeResult<byte[]?, byte[]?> record) => EventJson(
        record.Topic, record.Partition.Value, record.Offset.Value, record.Message.Timestamp.UtcDateTime,
        record.Message.Key is { } key ? System.Text.Encoding.UTF8.GetString(key) : null,
        record.Message.Value is { } value ? System.Text.Encoding.UTF8.GetString(value) : null,
        record.Message.Headers?.Select(h => (h.Key, (byte[]?)h.GetValueBytes())).ToList() ?? []);

    public static string EventJson(
        string topic, int partition, long offset, DateTime timestamp, string? key, string? value, IReadOnlyList<(string Key, byte[]? Value)> headers)
    {
        var headerArray = new JsonArray();
        foreach (var (name, bytes) in headers)
        {
            headerArray.Add(new JsonObject { ["Key"] = name, ["Value"] = bytes is null ? null : Convert.ToBase64String(bytes) });
        }

        var kafkaEvent = new JsonObject
        {
            ["Offset"] = offset,
            ["Partition"] = partition,
            ["Topic"] = topic,
            // Newtonsoft's default for a DateTime of kind Utc: ISO 8601, trailing zeros of the fraction dropped, "Z".
            ["Timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
            ["Value"] = value,
            ["LeaderEpoch"] = 0,
            ["IsPartitionEOF"] = false,
            ["Key"] = key,
            ["Headers"] = headerArray,
        };
        return kafkaEvent.ToJsonString();
    }

    /// <summary>The body for a batch, with the host's one extra level of string encoding of the string[] (and more when asked).</summary>
    public static string Body(string functionName, IReadOnlyList<string> events, int extraEncodings = 0, int retryCount = 0)
    {
        var array = new JsonArray([.. events.Select(e => (JsonNode?)JsonValue.Create(e))]);
        JsonNode payload = JsonValue.Create(array.ToJsonString())!;
        for (var i = 0; i < extraEncodings; i++)
        {
            payload = JsonValue.Create(payload.ToJsonString())!;
        }

        var parsed = events.Select(e => JsonNode.Parse(e)!.AsObject()).ToList();
        var metadata = new JsonObject
        {
            // Binding data arrives JSON-encoded as text (§3.3, §6.6); the handler reads the per-event JSON instead.
            ["KeyArray"] = new JsonArray([.. parsed.Select(e => e["Key"]?.DeepClone())]).ToJsonString(),
            ["PartitionArray"] = new JsonArray([.. parsed.Select(e => e["Partition"]!.DeepClone())]).ToJsonString(),
            ["OffsetArray"] = new JsonArray([.. parsed.Select(e => e["Offset"]!.DeepClone())]).ToJsonString(),
            ["TopicArray"] = new JsonArray([.. parsed.Select(e => e["Topic"]!.DeepClone())]).ToJsonString(),
            ["TimestampArray"] = new JsonArray([.. parsed.Select(e => e["Timestamp"]!.DeepClone())]).ToJsonString(),
            ["sys"] = new JsonObject
            {
                ["MethodName"] = functionName,
                ["UtcNow"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                ["RandGuid"] = Guid.NewGuid().ToString(),
            },
        };
        if (retryCount > 0)
        {
            metadata["RetryContext"] = new JsonObject { ["RetryCount"] = retryCount, ["MaxRetryCount"] = -1, ["Exception"] = null };
        }

        return new JsonObject { ["Data"] = new JsonObject { ["events"] = payload }, ["Metadata"] = metadata }.ToJsonString();
    }

    public static HttpRequestMessage Request(string functionName, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/" + functionName)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300.0");
        return request;
    }

    public static JsonDocument Parse(string text) => JsonDocument.Parse(text);
}
