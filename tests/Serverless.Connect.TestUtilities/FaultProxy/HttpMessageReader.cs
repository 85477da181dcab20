using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Connect.TestUtilities.FaultProxy;

/// <summary>Reads HTTP/1.1 message heads and bodies from a socket stream, keeping the raw bytes for relaying.</summary>
internal sealed class HttpMessageReader(NetworkStream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Reads a start line and headers; null at a clean end of stream.</summary>
    public async Task<HttpHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return lines.Count == 0 ? null : throw new IOException("connection closed inside a message head");
            }

            if (line.Length == 0)
            {
                if (lines.Count == 0)
                {
                    continue;
                }

                return new HttpHead(lines[0], lines.Skip(1).ToList());
            }

            lines.Add(line);
        }
    }

    /// <summary>Copies a body of <paramref name="length"/> bytes (or, when null, until the stream ends) to <paramref name="target"/>.</summary>
    public async Task CopyBodyAsync(long? length, Stream target, CancellationToken cancellationToken)
    {
        var left = length ?? long.MaxValue;
        while (left > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (length is null)
                {
                    return;
                }

                throw new IOException("connection closed inside a message body");
            }

            var n = (int)Math.Min(left, _end - _start);
            await target.WriteAsync(_buffer.AsMemory(_start, n), cancellationToken).ConfigureAwait(false);
            _start += n;
            left -= n;
        }
    }

    /// <summary>Copies a chunked body, chunk framing included, to <paramref name="target"/>.</summary>
    public async Task CopyChunkedAsync(Stream target, CancellationToken cancellationToken)
    {
        while (true)
        {
            var size = await ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new IOException("connection closed inside a chunked body");
            await WriteLineAsync(target, size, cancellationToken).ConfigureAwait(false);
            var length = long.Parse(size.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (length == 0)
            {
                // Trailers, up to the empty line.
                string? trailer;
                do
                {
                    trailer = await ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? "";
                    await WriteLineAsync(target, trailer, cancellationToken).ConfigureAwait(false);
                }
                while (trailer.Length > 0);
                return;
            }

            await CopyBodyAsync(length, target, cancellationToken).ConfigureAwait(false);
            var end = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            await WriteLineAsync(target, end ?? "", cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteLineAsync(Stream target, string line, CancellationToken cancellationToken) =>
        target.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), cancellationToken).AsTask();

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return line.Length == 0 ? null : line.ToString();
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
