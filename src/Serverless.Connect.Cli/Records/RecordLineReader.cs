using System.Text;
using System.Text.Json;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Cli.Records;

/// <summary>
/// Reads <c>{"topic","partition","offset","timestamp","key","value","headers"}</c> lines. Key and value are the message
/// bytes: the raw JSON text for <see cref="PayloadEncoding.Json"/>, the string content (or raw JSON text when not a
/// string) for <see cref="PayloadEncoding.Text"/>; JSON <c>null</c> is a Kafka null.
/// </summary>
internal sealed class RecordLineReader(PayloadEncoding keyEncoding, PayloadEncoding valueEncoding)
{
    public RecordLine Read(string line, int lineNumber)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        string? topic = null;
        int partition = 0;
        long offset = -1;
        long? timestamp = null;
        byte[]? key = null;
        byte[]? value = null;
        List<RawHeader>? headers = null;
        var section = "record";
        var keyRead = false;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("a record line must be a JSON object");
            }

            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                section = reader.GetString()!;
                Next(ref reader);
                switch (section)
                {
                    case "topic":
                        topic = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new FormatException("\"topic\" must be a string");
                        break;
                    case "partition":
                        partition = reader.GetInt32();
                        break;
                    case "offset":
                        offset = reader.GetInt64();
                        break;
                    case "timestamp":
                        timestamp = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
                        break;
                    case "key":
                        key = Payload(ref reader, bytes, keyEncoding);
                        keyRead = true;
                        break;
                    case "value":
                        value = Payload(ref reader, bytes, valueEncoding);
                        break;
                    case "headers":
                        headers = Headers(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            section = "record";
            if (reader.Read())
            {
                throw new FormatException("unexpected text after the record object");
            }

            if (topic is null)
            {
                throw new FormatException("\"topic\" is missing");
            }

            return new RecordLine(new ConsumedRecord(topic, partition, offset, timestamp, key, value, headers), null, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            var stage = section switch
            {
                "value" => ErrorStage.ValueConverter,
                "headers" => ErrorStage.HeaderConverter,
                _ when section is not "key" && keyRead => ErrorStage.ValueConverter,
                _ => ErrorStage.KeyConverter,
            };
            var where = section is "key" or "value" or "headers" ? $" in \"{section}\"" : string.Empty;
            var record = new ConsumedRecord(topic ?? string.Empty, partition, offset, timestamp, key, value, headers);
            return new RecordLine(record, stage, $"stdin line {lineNumber}: invalid record JSON{where}: {e.Message}");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("the line ends before the record object does");

    private static byte[]? Payload(ref Utf8JsonReader reader, byte[] line, PayloadEncoding encoding)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && encoding == PayloadEncoding.Text)
        {
            return Encoding.UTF8.GetBytes(reader.GetString()!);
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return line[start..(int)reader.BytesConsumed];
    }

    private static List<RawHeader> Headers(ref Utf8JsonReader reader)
    {
        var headers = new List<RawHeader>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return headers;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException("\"headers\" must be an array of {\"key\",\"value\"} objects");
        }

        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            string? key = null;
            byte[]? value = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                Next(ref reader);
                if (name == "key")
                {
                    key = reader.GetString();
                }
                else if (name == "value")
                {
                    value = reader.TokenType == JsonTokenType.Null ? null : Encoding.UTF8.GetBytes(reader.GetString()!);
                }
                else
                {
                    reader.Skip();
                }
            }

            headers.Add(new RawHeader(key ?? throw new FormatException("a header has no \"key\""), value));
        }

        return reader.TokenType == JsonTokenType.EndArray ? headers : throw new FormatException("\"headers\" must be an array of objects");
    }
}
