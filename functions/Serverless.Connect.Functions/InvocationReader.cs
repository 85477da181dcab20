using System.Globalization;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Functions.Generation;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Functions;

/// <summary>
/// Decodes the host's invocation body for a <c>kafkaTrigger</c> with <c>cardinality: many</c> and <c>dataType: string</c>:
/// <c>{"Data":{"events":…},"Metadata":{…}}</c>, where the batch is a JSON array of event strings, each the extension's
/// <c>KafkaEventData</c> JSON (<c>Offset, Partition, Topic, Timestamp, Value, Key, Headers[{Key, Value(base64)}]</c>).
/// </summary>
/// <remarks>
/// The host serializes non-object values once more (a <c>string[]</c> arrives as one string holding the array), so every
/// level that should be an array or object is unwrapped while it is a string holding JSON. Keys and values are not
/// unwrapped: their string content is the record's bytes.
/// </remarks>
internal static class InvocationReader
{
    public static Invocation Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !TryGet(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException("The invocation body has no Data object; expected {\"Data\":{\"events\":[…]},\"Metadata\":{…}}");
        }

        var payload = Binding(data);
        using var unwrapped = Unwrap(payload, out var batch);
        if (batch.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInvocationException(
                $"Data.{FunctionNames.TriggerBindingName} is {batch.ValueKind}, not an array of Kafka events; the trigger needs cardinality many and dataType string");
        }

        var records = new List<ConsumedRecord>(batch.GetArrayLength());
        var index = 0;
        foreach (var item in batch.EnumerateArray())
        {
            using var owner = Unwrap(item, out var kafkaEvent);
            records.Add(ReadEvent(kafkaEvent, index++));
        }

        return new Invocation(records, RetryCount(root));
    }

    private static JsonElement Binding(JsonElement data)
    {
        if (TryGet(data, FunctionNames.TriggerBindingName, out var named))
        {
            return named;
        }

        var only = data.EnumerateObject().ToList();
        return only.Count == 1
            ? only[0].Value
            : throw new InvalidInvocationException($"Data has no '{FunctionNames.TriggerBindingName}' binding (found: {string.Join(", ", only.Select(p => p.Name))})");
    }

    // While the element is a string that holds JSON, parse it again; the returned document owns the final element.
    private static DisposableDocuments Unwrap(JsonElement element, out JsonElement result)
    {
        var documents = new DisposableDocuments();
        while (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            JsonDocument parsed;
            try
            {
                parsed = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                break;
            }

            documents.Add(parsed);
            element = parsed.RootElement;
        }

        result = element;
        return documents;
    }

    private static ConsumedRecord ReadEvent(JsonElement kafkaEvent, int index)
    {
        if (kafkaEvent.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException(
                $"Event {index} of the batch is {kafkaEvent.ValueKind}, not a Kafka event object (dataType binary delivers values only; use dataType string)");
        }

        var topic = TryGet(kafkaEvent, "Topic", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new InvalidInvocationException($"Event {index} of the batch has no Topic");
        var partition = (int)Number(kafkaEvent, "Partition", topic, index);
        var offset = Number(kafkaEvent, "Offset", topic, index);
        var where = $"{topic}-{partition}@{offset}";
        var timestamp = Timestamp(kafkaEvent, where);
        var key = TryGet(kafkaEvent, "Key", out var k) ? Bytes(k) : null;
        var value = TryGet(kafkaEvent, "Value", out var v) ? Bytes(v) : null;
        var headers = Headers(kafkaEvent, where);
        return new ConsumedRecord(topic, partition, offset, timestamp, key, value, headers);
    }

    private static long Number(JsonElement kafkaEvent, string name, string topic, int index)
    {
        if (TryGet(kafkaEvent, name, out var element))
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
            {
                return number;
            }

            if (element.ValueKind == JsonValueKind.String && long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        throw new InvalidInvocationException($"Event {index} of the batch (topic {topic}) has no integer {name}");
    }

    // The extension writes Message.Timestamp.UtcDateTime with Newtonsoft (ISO 8601, "Z"); a missing timestamp is MinValue.
    private static long? Timestamp(JsonElement kafkaEvent, string where)
    {
        if (!TryGet(kafkaEvent, "Timestamp", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var epochMs))
        {
            return epochMs;
        }

        if (element.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(
                element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime == DateTime.MinValue ? null : parsed.ToUnixTimeMilliseconds();
        }

        throw new InvalidInvocationException($"Record {where}: Timestamp {element.GetRawText()} is not a date");
    }

    private static byte[]? Bytes(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => Encoding.UTF8.GetBytes(element.GetString()!),
        // Not what the extension sends, but a hand-written body may inline a JSON value: keep its text.
        _ => Encoding.UTF8.GetBytes(element.GetRawText()),
    };

    private static RawHeader[]? Headers(JsonElement kafkaEvent, string where)
    {
        if (!TryGet(kafkaEvent, "Headers", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        using var owner = Unwrap(element, out var headers);
        if (headers.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInvocationException($"Record {where}: Headers is {headers.ValueKind}, not an array");
        }

        var result = new RawHeader[headers.GetArrayLength()];
        var i = 0;
        foreach (var header in headers.EnumerateArray())
        {
            var name = header.ValueKind == JsonValueKind.Object && TryGet(header, "Key", out var key) && key.ValueKind == JsonValueKind.String
                ? key.GetString()!
                : throw new InvalidInvocationException($"Record {where}: header {i} has no Key");
            byte[]? value = null;
            if (TryGet(header, "Value", out var encoded) && encoded.ValueKind == JsonValueKind.String)
            {
                // Header values are byte[] in KafkaEventData, which Newtonsoft writes as base64.
                value = new byte[encoded.GetString()!.Length];
                if (!Convert.TryFromBase64String(encoded.GetString()!, value, out var written))
                {
                    throw new InvalidInvocationException($"Record {where}: header {name} is not base64");
                }

                value = value[..written];
            }

            result[i++] = new RawHeader(name, value);
        }

        return result;
    }

    private static int RetryCount(JsonElement root)
    {
        if (TryGet(root, "Metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && TryGet(metadata, "RetryContext", out var context))
        {
            using var owner = Unwrap(context, out var retry);
            if (retry.ValueKind == JsonValueKind.Object && TryGet(retry, "RetryCount", out var count))
            {
                using var countOwner = Unwrap(count, out var number);
                if (number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var value))
                {
                    return value;
                }
            }
        }

        return 0;
    }

    // Newtonsoft writes PascalCase; accept any casing a hand-written body may use.
    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private sealed class DisposableDocuments : IDisposable
    {
        private List<JsonDocument>? _documents;

        public void Add(JsonDocument document) => (_documents ??= []).Add(document);

        public void Dispose()
        {
            foreach (var document in _documents ?? [])
            {
                document.Dispose();
            }
        }
    }
}
