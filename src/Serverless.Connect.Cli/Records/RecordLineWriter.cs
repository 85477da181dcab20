using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Cli.Records;

/// <summary>Writes records as one JSON line each, the shape <see cref="RecordLineReader"/> reads.</summary>
internal sealed class RecordLineWriter(TextWriter output, PayloadEncoding keyEncoding, PayloadEncoding valueEncoding)
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public async Task WriteAsync(
        string topic, int? partition, long offset, long? timestamp, byte[]? key, byte[]? value, IReadOnlyList<RawHeader> headers,
        CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteString("topic", topic);
            WriteNumber(json, "partition", partition);
            json.WriteNumber("offset", offset);
            WriteNumber(json, "timestamp", timestamp);
            json.WritePropertyName("key");
            WritePayload(json, key, keyEncoding);
            json.WritePropertyName("value");
            WritePayload(json, value, valueEncoding);
            json.WriteStartArray("headers");
            foreach (var header in headers)
            {
                json.WriteStartObject();
                json.WriteString("key", header.Key);
                if (header.Value is null)
                {
                    json.WriteNull("value");
                }
                else
                {
                    json.WriteString("value", Encoding.UTF8.GetString(header.Value));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(_buffer.WrittenSpan).AsMemory(), cancellationToken);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? number)
    {
        if (number is { } n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WritePayload(Utf8JsonWriter json, byte[]? bytes, PayloadEncoding encoding)
    {
        if (bytes is null)
        {
            json.WriteNullValue();
        }
        else if (encoding == PayloadEncoding.Json && IsJson(bytes))
        {
            json.WriteRawValue(bytes, skipInputValidation: true);
        }
        else
        {
            json.WriteStringValue(Encoding.UTF8.GetString(bytes));
        }
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
