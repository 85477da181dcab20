using System.IO.Compression;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// JsonFormat (one JSON value per line, written by the JSON converter without schemas) and ByteArrayFormat (raw
/// value bytes and a separator), optionally gzipped.
/// </summary>
internal sealed class LineRecordWriter : IRecordFileWriter, IUploadOwner
{
    private static readonly byte[] s_newline = "\n"u8.ToArray();

    private readonly S3UploadStream _upload;
    private readonly Stream _output;
    private readonly JsonConverter? _json;
    private readonly ReadOnlyMemory<byte> _separator;

    public LineRecordWriter(S3UploadStream upload, JsonConverter? json, ReadOnlyMemory<byte> separator, bool gzip, int level)
    {
        _upload = upload;
        _json = json;
        _separator = json is null ? separator : s_newline;
        _output = gzip ? new GZipStream(upload, GzipLevel(level), leaveOpen: true) : upload;
    }

    public int RecordCount { get; private set; }

    public string? UploadId => _upload.UploadId;

    public long BufferedBytes => _upload.BufferedBytes;

    public void Write(ConnectRecord record)
    {
        byte[] bytes;
        if (_json is not null)
        {
            bytes = _json.FromConnectData(record.Topic, record.Headers, record.ValueSchema, record.Value) ?? "null"u8.ToArray();
        }
        else
        {
            bytes = record.Value as byte[] ?? throw new DataException(
                $"ByteArrayFormat needs byte[] values (ByteArrayConverter); record {TimestampExtractor.Describe(record)} has {record.Value?.GetType().Name ?? "null"}.");
        }

        _output.Write(bytes);
        _output.Write(_separator.Span);
        RecordCount++;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _upload.UploadFullPartsAsync(cancellationToken);

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_output, _upload))
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }

        await _upload.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task AbortAsync() => _upload.AbortAsync();

    private static CompressionLevel GzipLevel(int level) => level switch
    {
        0 => CompressionLevel.NoCompression,
        >= 1 and <= 3 => CompressionLevel.Fastest,
        9 => CompressionLevel.SmallestSize,
        _ => CompressionLevel.Optimal,
    };
}
