using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Connect.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers <c>POST /_bulk</c> like Elasticsearch when every item succeeds
/// (one <c>index</c> item per action/source line pair) and everything else with <c>{"acknowledged":true}</c>. It counts
/// the request bytes it receives, so a benchmark sees what went over the socket. Deliberately cheap (it only counts
/// newlines), so pinned to the same core it takes little from the code being measured.
/// </summary>
internal sealed class CountingBulkServer : IAsyncDisposable
{
    private static readonly byte[] Acknowledged = Encoding.ASCII.GetBytes("{\"acknowledged\":true}");
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<int, byte[]> _responses = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;
    private long _bodyBytes;
    private long _requests;
    private long _items;
    private long _badRequests;

    public CountingBulkServer()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accept = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public long Requests => Interlocked.Read(ref _requests);

    public long Items => Interlocked.Read(ref _items);

    public long BadRequests => Interlocked.Read(ref _badRequests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            socket.NoDelay = true;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var (isBulk, length) = ParseHead(buffer.AsSpan(0, headerEnd));
                var total = headerEnd + 4 + length;
                if (buffer.Length < total)
                {
                    Array.Resize(ref buffer, Math.Max(total, buffer.Length * 2));
                }

                while (filled < total)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var body = buffer.AsMemory(headerEnd + 4, length);
                await socket.SendAsync(Respond(isBulk, body.Span), _stop.Token);
                buffer.AsSpan(total, filled - total).CopyTo(buffer);
                filled -= total;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client closed the connection or the server stops.
        }
    }

    private static (bool IsBulk, int Length) ParseHead(ReadOnlySpan<byte> head)
    {
        var isBulk = head.StartsWith("POST "u8) && head[..head.IndexOf((byte)'\n')].IndexOf("/_bulk"u8) >= 0;
        var length = 0;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (line.Length > 15 && Ascii.EqualsIgnoreCase(line[..15], "content-length:"u8))
            {
                _ = Utf8Parser.TryParse(line[15..].Trim((byte)' '), out length, out int _);
            }
        }

        return (isBulk, length);
    }

    private byte[] Respond(bool isBulk, ReadOnlySpan<byte> body)
    {
        if (!isBulk)
        {
            return Frame(200, Acknowledged);
        }

        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bodyBytes, body.Length);
        var lines = body.Count((byte)'\n');
        if (lines % 2 != 0 || body.Length == 0 || body[^1] != (byte)'\n')
        {
            Interlocked.Increment(ref _badRequests);
            return Frame(400, Encoding.ASCII.GetBytes("{\"error\":\"not an index-only bulk body\"}"));
        }

        Interlocked.Add(ref _items, lines / 2);
        return _responses.GetOrAdd(lines / 2, static items =>
        {
            var json = new StringBuilder("{\"took\":1,\"errors\":false,\"items\":[");
            for (var i = 0; i < items; i++)
            {
                json.Append(i == 0 ? "" : ",").Append("{\"index\":{\"_index\":\"orders\",\"_version\":1,\"result\":\"created\",\"status\":201}}");
            }

            return Frame(200, Encoding.ASCII.GetBytes(json.Append("]}").ToString()));
        });
    }

    private static byte[] Frame(int status, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Bad Request")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        return [.. head, .. body];
    }
}
