using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks enough of Elasticsearch 8 for the sink: a strictly validated <c>_bulk</c>
/// endpoint with Elasticsearch's item semantics and response shape, read endpoints, auth and scripted faults.
/// </summary>
public sealed partial class ElasticsearchContractServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requestNumber;
    private int _authRejections;

    public ElasticsearchContractServer()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url { get; }

    public ContractCluster Cluster { get; } = new();

    public ContractFaults Faults { get; } = new();

    /// <summary>When set, every request must send exactly this <c>Authorization</c> header value.</summary>
    public string? RequiredAuthorization { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Like <c>http.max_content_length</c>: larger request bodies (as sent) get HTTP 413.</summary>
    public int? MaxContentLength { get; set; }

    /// <summary>Requests answered with 401.</summary>
    public int AuthRejections => Volatile.Read(ref _authRejections);

    /// <summary>Protocol violations seen (they are also answered with 400); a correct client leaves this empty.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            Debug.WriteLine(e.Message);
        }

        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            if (Faults.Outage)
            {
                context.Response.Abort();
                return;
            }

            if (RequiredAuthorization is not null && context.Request.Headers["Authorization"] != RequiredAuthorization)
            {
                var missing = context.Request.Headers["Authorization"] is null;
                Interlocked.Increment(ref _authRejections);
                await RespondAsync(context, 401, ErrorBody(401, "security_exception", missing
                    ? $"missing authentication credentials for REST request [{context.Request.Url!.AbsolutePath}]"
                    : "unable to authenticate with provided credentials and anonymous access is not allowed for this request"));
                return;
            }

            var (status, body) = await RouteAsync(context);
            await RespondAsync(context, status, body);
        }
        catch (HttpListenerException e)
        {
            Debug.WriteLine(e.Message);
        }
    }

    private async Task<(int Status, JsonNode Body)> RouteAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var segments = request.Url!.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToArray();
        return (request.HttpMethod, segments) switch
        {
            ("GET", []) => (200, Info()),
            ("POST" or "PUT", ["_bulk"]) => await BulkAsync(request, null),
            ("POST" or "PUT", [var index, "_bulk"]) => await BulkAsync(request, index),
            ("GET", [var index, "_doc", var id]) => GetDocument(index, id),
            ("PUT", [var index]) => CreateIndex(index),
            ("GET", [var index, "_mapping"]) => GetMapping(index),
            ("PUT" or "POST", [var index, "_mapping"]) => await PutMappingAsync(request, index),
            ("GET" or "POST", [var index, "_count"]) => Count(index),
            ("GET" or "POST", [var index, "_search"]) => Search(index),
            ("POST" or "GET", [_, "_refresh"]) => (200, new JsonObject { ["_shards"] = Shards() }),
            _ => (404, ErrorBody(404, "resource_not_found_exception", $"no handler for [{request.HttpMethod} {request.Url.AbsolutePath}]")),
        };
    }

    private async Task<(int Status, JsonNode Body)> BulkAsync(HttpListenerRequest request, string? defaultIndex)
    {
        var number = Interlocked.Increment(ref _requestNumber);
        var started = Stopwatch.GetTimestamp();
        using var raw = new MemoryStream();
        await request.InputStream.CopyToAsync(raw);
        if (raw.Length > MaxContentLength)
        {
            Record(number, request, raw, false, "", 0, 413);
            return (413, ErrorBody(413, "content_too_long_exception", $"request body is too large ({raw.Length} > {MaxContentLength})"));
        }

        var gzipped = string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase);
        string text;
        try
        {
            text = gzipped ? Gunzip(raw.ToArray()) : Encoding.UTF8.GetString(raw.ToArray());
        }
        catch (InvalidDataException e)
        {
            return Violation(number, request, raw, gzipped, "", 400, "illegal_argument_exception", "bad gzip body: " + e.Message);
        }

        var contentType = request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/x-ndjson", StringComparison.Ordinal))
        {
            return Violation(number, request, raw, gzipped, text, 406, "media_type_header_exception",
                $"Content-Type header [{contentType}] is not supported");
        }

        List<BulkLine> lines;
        try
        {
            lines = BulkParser.Parse(text, defaultIndex);
        }
        catch (BulkRequestException e)
        {
            return Violation(number, request, raw, gzipped, text, e.Status, e.Type, e.Message);
        }

        if (Faults.NextRequestFailure() is { } failure)
        {
            Record(number, request, raw, gzipped, text, lines.Count, failure);
            return (failure, ErrorBody(failure, failure == 429 ? "es_rejected_execution_exception" : "unavailable_shards_exception",
                failure == 429 ? "rejected execution of coordinating operation" : "primary shard is not active"));
        }

        var items = new JsonArray();
        var errorCount = 0;
        foreach (var line in lines)
        {
            var injected = Faults.RejectItem()
                ? new InjectedError(429, "es_rejected_execution_exception", "rejected execution of primary operation")
                : Faults.ItemFault?.Invoke(new BulkItemContext(line.Action, line.Index, line.Id, line.Source, number));
            var item = Cluster.Apply(line, injected);
            errorCount += item.First().Value!["error"] is null ? 0 : 1;
            items.Add(item);
        }

        Record(number, request, raw, gzipped, text, lines.Count, 200, errorCount);
        var took = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (200, new JsonObject { ["took"] = took, ["errors"] = errorCount > 0, ["items"] = items });
    }

    private (int Status, JsonNode Body) Violation(
        int number, HttpListenerRequest request, MemoryStream raw, bool gzipped, string text, int status, string type, string reason)
    {
        Violations.Enqueue($"request {number}: {type}: {reason}");
        Record(number, request, raw, gzipped, text, 0, status);
        return (status, ErrorBody(status, type, reason));
    }

    private void Record(
        int number, HttpListenerRequest request, MemoryStream raw, bool gzipped, string text, int operations, int status, int itemErrors = 0) =>
        Requests.Enqueue(new RecordedRequest(number, request.Url!.AbsolutePath, request.Headers["Authorization"], request.ContentType,
            gzipped, (int)raw.Length, text, operations, status, itemErrors));

    private static string Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-elastic-product"] = "Elasticsearch";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
