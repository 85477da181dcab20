namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>A seekable read-only view of the first bytes of a <see cref="SegmentBuffer"/> (the SDK hashes, then sends, a part).</summary>
internal sealed class SegmentReadStream(SegmentBuffer buffer, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer1, int offset, int count) => Read(buffer1.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        var n = (int)Math.Min(destination.Length, length - _position);
        if (n <= 0)
        {
            return 0;
        }

        var copied = buffer.CopyTo(_position, destination[..n]);
        _position += copied;
        return copied;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(destination.Span));

    public override Task<int> ReadAsync(byte[] buffer1, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer1.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer1, int offset, int count) => throw new NotSupportedException();
}
