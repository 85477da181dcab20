using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Writes bulk NDJSON (action line, then source line where the action has one) into pooled memory.</summary>
internal static class BulkBodyWriter
{
    private static ReadOnlySpan<byte> Newline => "\n"u8;

    private static ReadOnlySpan<byte> DocPrefix => "{\"doc\":"u8;

    private static ReadOnlySpan<byte> DocAsUpsertSuffix => ",\"doc_as_upsert\":true}"u8;

    /// <summary>Writes the operations; the caller owns and disposes <paramref name="body"/>.</summary>
    public static void Write(IReadOnlyList<BulkOperation> operations, PooledBufferWriter body)
    {
        using var json = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var op in operations)
        {
            WriteActionLine(json, op);
            json.Flush();
            json.Reset(body);
            body.Write(Newline);
            switch (op.Action)
            {
                case BulkAction.Delete:
                    break;
                case BulkAction.Update:
                    body.Write(DocPrefix);
                    body.Write(op.Document.Span);
                    body.Write(DocAsUpsertSuffix);
                    body.Write(Newline);
                    break;
                default:
                    body.Write(op.Document.Span);
                    body.Write(Newline);
                    break;
            }
        }
    }

    /// <summary>Gzips <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Gzip(ReadOnlySpan<byte> source, PooledBufferWriter target)
    {
        using var stream = new BufferWriterStream(target);
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        gzip.Write(source);
    }

    private static void WriteActionLine(Utf8JsonWriter json, BulkOperation op)
    {
        json.WriteStartObject();
        json.WriteStartObject(op.Action switch
        {
            BulkAction.Index => "index",
            BulkAction.Create => "create",
            BulkAction.Update => "update",
            _ => "delete",
        });
        json.WriteString("_index", op.Index);
        if (op.Id is not null)
        {
            json.WriteString("_id", op.Id);
        }
        if (op.ExternalVersion is { } version)
        {
            json.WriteNumber("version", version);
            json.WriteString("version_type", "external");
        }

        if (op.RetryOnConflict is { } retries)
        {
            json.WriteNumber("retry_on_conflict", retries);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
