using System.Buffers;
using System.Text.Json;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Adds the <c>@timestamp</c> field every data stream document needs.</summary>
internal static class DataStreamTimestamp
{
    private const string FieldName = "@timestamp";

    /// <summary>
    /// Copies the first present configured field as text into <c>@timestamp</c> (as Confluent does), or the record timestamp
    /// (epoch ms) when none is configured. Any existing <c>@timestamp</c> is replaced rather than duplicated.
    /// </summary>
    public static byte[] Add(byte[] payload, long? recordTimestamp, IReadOnlyList<string> fields)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataException($"Top level payload contains data of Json type {root.ValueKind}. Required Json object.");
        }

        string? copied = null;
        var useRecordTimestamp = fields.Count == 0;
        foreach (var field in fields)
        {
            if (root.TryGetProperty(field, out var value))
            {
                copied = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                break;
            }
        }

        if (copied is null && !useRecordTimestamp)
        {
            // Confluent sends the document unchanged; Elasticsearch then rejects it as malformed if @timestamp is missing.
            return payload;
        }

        var buffer = new ArrayBufferWriter<byte>(payload.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals(FieldName))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            if (copied is not null)
            {
                writer.WriteString(FieldName, copied);
            }
            else if (recordTimestamp is { } ts)
            {
                writer.WriteNumber(FieldName, ts);
            }
            else
            {
                writer.WriteNull(FieldName);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
