using System.Buffers;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// A FIFO byte buffer made of pooled 64 KiB segments: it grows with the data (a small file never holds a whole part
/// size of memory) and releases bytes once they are uploaded.
/// </summary>
internal sealed class SegmentBuffer : IDisposable
{
    internal const int SegmentSize = 64 * 1024;

    private readonly List<byte[]> _segments = [];
    private int _head;
    private int _tail = SegmentSize;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_tail == SegmentSize)
            {
                _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
                _tail = 0;
            }

            var n = Math.Min(data.Length, SegmentSize - _tail);
            data[..n].CopyTo(_segments[^1].AsSpan(_tail));
            _tail += n;
            data = data[n..];
            Length += n;
        }
    }

    /// <summary>Copies <paramref name="destination"/>.Length bytes starting at <paramref name="offset"/> from the front.</summary>
    public int CopyTo(long offset, Span<byte> destination)
    {
        var absolute = _head + offset;
        var segment = (int)(absolute / SegmentSize);
        var within = (int)(absolute % SegmentSize);
        var copied = 0;
        while (copied < destination.Length && segment < _segments.Count)
        {
            var end = segment == _segments.Count - 1 ? _tail : SegmentSize;
            var n = Math.Min(destination.Length - copied, end - within);
            if (n <= 0)
            {
                break;
            }

            _segments[segment].AsSpan(within, n).CopyTo(destination[copied..]);
            copied += n;
            segment++;
            within = 0;
        }

        return copied;
    }

    /// <summary>Drops <paramref name="count"/> bytes from the front, returning emptied segments to the pool.</summary>
    public void Discard(long count)
    {
        count = Math.Min(count, Length);
        Length -= count;
        var absolute = _head + count;
        var whole = (int)(absolute / SegmentSize);
        for (var i = 0; i < whole && _segments.Count > 0; i++)
        {
            ArrayPool<byte>.Shared.Return(_segments[0]);
            _segments.RemoveAt(0);
        }

        _head = (int)(absolute % SegmentSize);
        if (_segments.Count == 0)
        {
            _head = 0;
            _tail = SegmentSize;
        }
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        Length = 0;
        _head = 0;
        _tail = SegmentSize;
    }
}
