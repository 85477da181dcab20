using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Connect.TestUtilities.FaultProxy;

/// <summary>
/// A real HTTP/1.1 proxy on 127.0.0.1 in front of a server (s3rver): it forwards requests byte for byte, so signatures
/// stay valid, and on demand answers a fraction of them with an S3 error, resets their connection, or stalls them.
/// Point a client's endpoint (<c>store.url</c>) at <see cref="Url"/>.
/// </summary>
public sealed class HttpFaultProxy : IAsyncDisposable
{
    private static readonly string[] s_hopHeaders = ["Connection", "Keep-Alive", "Expect"];

    private readonly TcpListener _listener;
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly ConcurrentDictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Lock _lock = new();
    private readonly Random _random;
    private readonly Task _accepting;
    private ProxyFault? _fault;
    private double _rate;
    private Func<string, bool>? _applies;
    private long _requests;
    private long _forwarded;

    private HttpFaultProxy(Uri upstream, int seed)
    {
        _upstream = upstream;
        _random = new Random(seed);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's address.</summary>
    public Uri Url { get; }

    /// <summary>Requests received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests forwarded to the server (stalled ones included).</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Requests faulted, by S3 error code, <c>reset</c>, <c>dropped-response</c> or <c>stall</c>.</summary>
    public IReadOnlyDictionary<string, long> Faults => new Dictionary<string, long>(_faults, StringComparer.Ordinal);

    /// <summary>The start line of every request received, with what happened to it (<c>forwarded</c> or the fault), in order.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>Faulted requests in total (stalls included).</summary>
    public long Faulted => _faults.Values.Sum();

    /// <summary>Starts a proxy in front of <paramref name="upstream"/>; <paramref name="seed"/> makes the random fraction repeatable.</summary>
    public static HttpFaultProxy Start(Uri upstream, int seed = 8) => new(upstream, seed);

    /// <summary>From now on applies <paramref name="fault"/> to a random <paramref name="rate"/> of the requests <paramref name="applies"/> selects (by start line, e.g. <c>PUT /bucket/key HTTP/1.1</c>).</summary>
    public void Inject(ProxyFault fault, double rate = 1.0, Func<string, bool>? applies = null)
    {
        lock (_lock)
        {
            _fault = fault;
            _rate = rate;
            _applies = applies;
        }
    }

    /// <summary>Forwards every request unchanged from now on.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _fault = null;
        }
    }

    /// <summary>Applies <paramref name="fault"/> for <paramref name="duration"/>, then clears it.</summary>
    public async Task InjectForAsync(ProxyFault fault, TimeSpan duration, double rate = 1.0, CancellationToken cancellationToken = default)
    {
        Inject(fault, rate);
        try
        {
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            client.NoDelay = true;
            _connections[client] = 0;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new HttpMessageReader(stream);
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadHeadAsync(_stop.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                var fault = Pick(request.StartLine);
                _log.Enqueue($"{request.StartLine} -> {fault switch { null => "forwarded", ProxyFault.S3Error e => e.Code, ProxyFault.Stall => "stall", ProxyFault.LoseResponse => "dropped-response", _ => "reset" }}");
                if (fault is ProxyFault.ResetConnection)
                {
                    Count("reset");
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                if (string.Equals(request.Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
                {
                    await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
                }

                if (fault is ProxyFault.S3Error error)
                {
                    Count(error.Code);
                    await CopyRequestBodyAsync(reader, request, Stream.Null).ConfigureAwait(false);
                    await WriteErrorAsync(stream, request, error).ConfigureAwait(false);
                    continue;
                }

                if (fault is ProxyFault.Stall stall)
                {
                    Count("stall");
                    await Task.Delay(stall.Delay, _stop.Token).ConfigureAwait(false);
                }

                if (fault is ProxyFault.LoseResponse)
                {
                    Count("dropped-response");
                    await ForwardAsync(reader, request, Stream.Null).ConfigureAwait(false);
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                if (!await ForwardAsync(reader, request, stream).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the proxy is stopping.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    /// <summary>Relays one exchange over a fresh server connection; false when the client connection must close after it.</summary>
    private async Task<bool> ForwardAsync(HttpMessageReader reader, HttpHead request, Stream client)
    {
        Interlocked.Increment(ref _forwarded);
        using var upstream = new TcpClient { NoDelay = true };
        await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token).ConfigureAwait(false);
        var server = upstream.GetStream();
        var head = request.ToBytes(s_hopHeaders);
        // One exchange per server connection, so a body that runs to the end of the stream is delimited.
        await server.WriteAsync(head.AsMemory(0, head.Length - 2), _stop.Token).ConfigureAwait(false);
        await server.WriteAsync("Connection: close\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
        await CopyRequestBodyAsync(reader, request, server).ConfigureAwait(false);

        var serverReader = new HttpMessageReader(server);
        HttpHead response;
        do
        {
            response = await serverReader.ReadHeadAsync(_stop.Token).ConfigureAwait(false) ?? throw new IOException("the server closed the connection");
        }
        while (Status(response) is 100);

        var status = Status(response);
        var noBody = request.StartLine.StartsWith("HEAD ", StringComparison.Ordinal) || status is 204 or 304;
        var delimited = noBody || response.Chunked || response.ContentLength is not null;
        var responseHead = response.ToBytes(s_hopHeaders);
        await client.WriteAsync(responseHead.AsMemory(0, responseHead.Length - 2), _stop.Token).ConfigureAwait(false);
        await client.WriteAsync(Encoding.ASCII.GetBytes(delimited ? "\r\n" : "Connection: close\r\n\r\n"), _stop.Token).ConfigureAwait(false);
        if (noBody)
        {
            return true;
        }

        if (response.Chunked)
        {
            await serverReader.CopyChunkedAsync(client, _stop.Token).ConfigureAwait(false);
        }
        else
        {
            await serverReader.CopyBodyAsync(response.ContentLength, client, _stop.Token).ConfigureAwait(false);
        }

        return delimited;
    }

    private Task CopyRequestBodyAsync(HttpMessageReader reader, HttpHead request, Stream target) =>
        request.Chunked
            ? reader.CopyChunkedAsync(target, _stop.Token)
            : reader.CopyBodyAsync(request.ContentLength ?? 0, target, _stop.Token);

    private async Task WriteErrorAsync(NetworkStream stream, HttpHead request, ProxyFault.S3Error error)
    {
        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var resource = request.StartLine.Split(' ') is { Length: >= 2 } parts ? parts[1].Split('?')[0] : "/";
        var body = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            $"<Error><Code>{error.Code}</Code><Message>{error.Message}</Message><Resource>{resource}</Resource><RequestId>{requestId}</RequestId></Error>");
        var head = request.StartLine.StartsWith("HEAD ", StringComparison.Ordinal);
        var text = $"HTTP/1.1 {error.Status} {Reason(error.Status)}\r\n" +
            "Content-Type: application/xml\r\n" +
            $"Content-Length: {(head ? 0 : body.Length)}\r\n" +
            $"x-amz-request-id: {requestId}\r\n" +
            $"Date: {DateTime.UtcNow.ToString("R", CultureInfo.InvariantCulture)}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).ConfigureAwait(false);
        if (!head)
        {
            await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
        }
    }

    private ProxyFault? Pick(string startLine)
    {
        lock (_lock)
        {
            if (_fault is null || (_applies is not null && !_applies(startLine)))
            {
                return null;
            }

            return _rate >= 1.0 || _random.NextDouble() < _rate ? _fault : null;
        }
    }

    private void Count(string kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static int Status(HttpHead response) =>
        response.StartLine.Split(' ') is { Length: >= 2 } parts && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var status) ? status : 0;

    private static string Reason(int status) => status switch
    {
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
