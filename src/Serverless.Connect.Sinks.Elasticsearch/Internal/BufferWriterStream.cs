namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>A write-only stream appending to a <see cref="PooledBufferWriter"/>, so gzip output stays in pooled memory.</summary>
internal sealed class BufferWriterStream : Stream
{
    private readonly PooledBufferWriter _target;

    public BufferWriterStream(PooledBufferWriter target) => _target = target;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _target.WrittenCount;

    public override long Position
    {
        get => _target.WrittenCount;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _target.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _target.Write(buffer);
}
