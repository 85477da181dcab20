using Amazon.S3;
using Amazon.S3.Model;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// A write-only stream that becomes one S3 object. Writes only buffer; <see cref="UploadFullPartsAsync"/> sends every
/// complete <c>s3.part.size</c> part, so memory stays within one part plus what was written since the last call.
/// An object smaller than one part is sent with a single PutObject.
/// </summary>
internal sealed class S3UploadStream(S3Storage storage, string key, int partSize) : Stream
{
    private readonly SegmentBuffer _buffer = new();
    private readonly List<PartETag> _parts = [];
    private string? _uploadId;
    private long _written;
    private bool _finished;
    private bool _completeAttempted;
    private DateTimeOffset _initiated;

    public string Key => key;

    public string? UploadId => _uploadId;

    public long BufferedBytes => _buffer.Length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _buffer.Write(buffer);
        _written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task UploadFullPartsAsync(CancellationToken cancellationToken)
    {
        while (_buffer.Length >= partSize)
        {
            if (_uploadId is null)
            {
                // Compared with the server's Last-Modified, so the system clock rather than the task's TimeProvider.
                var initiated = DateTimeOffset.UtcNow;
                _uploadId = await storage.InitiateAsync(key, cancellationToken).ConfigureAwait(false);
                _initiated = initiated;
            }

            await UploadPartAsync(partSize, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes the object visible: one PutObject, or the last part and CompleteMultipartUpload.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await UploadFullPartsAsync(cancellationToken).ConfigureAwait(false);
        if (_uploadId is null)
        {
            using var content = new SegmentReadStream(_buffer, _buffer.Length);
            await storage.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_buffer.Length > 0 || _parts.Count == 0)
            {
                await UploadPartAsync(_buffer.Length, cancellationToken).ConfigureAwait(false);
            }

            await CompleteUploadAsync(cancellationToken).ConfigureAwait(false);
        }

        _finished = true;
        _buffer.Dispose();
    }

    /// <summary>
    /// CompleteMultipartUpload is not idempotent: when an earlier attempt's answer was lost (a reset after the server
    /// acted), a retry gets NoSuchUpload from S3 (s3rver answers 500), so a retry first checks whether the object is there.
    /// </summary>
    private async Task CompleteUploadAsync(CancellationToken cancellationToken)
    {
        if (_completeAttempted && await storage.WasCompletedAsync(key, _written, _initiated, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _completeAttempted = true;
        try
        {
            await storage.CompleteAsync(key, _uploadId!, _parts, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectException e) when (e.InnerException is AmazonS3Exception { ErrorCode: "NoSuchUpload" })
        {
            // The SDK's own retry of a completion that had succeeded.
            if (!await storage.WasCompletedAsync(key, _written, _initiated, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    /// <summary>Abandons the object: a started multipart upload is aborted, nothing becomes visible.</summary>
    public async Task AbortAsync()
    {
        _finished = true;
        _buffer.Dispose();
        if (_uploadId is { } id)
        {
            _uploadId = null;
            await storage.AbortAsync(key, id).ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task UploadPartAsync(long size, CancellationToken cancellationToken)
    {
        using var content = new SegmentReadStream(_buffer, size);
        _parts.Add(await storage.UploadPartAsync(key, _uploadId!, _parts.Count + 1, content, cancellationToken).ConfigureAwait(false));
        _buffer.Discard(size);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
