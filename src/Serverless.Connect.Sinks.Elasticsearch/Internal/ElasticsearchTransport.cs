using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Sends bulk bodies over HTTP, rotating over the configured URLs so a dead node is skipped on the next attempt.</summary>
internal sealed class ElasticsearchTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue NdJson = new("application/x-ndjson");

    private readonly HttpClient _client;
    private readonly IReadOnlyList<Uri> _urls;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly bool _gzip;
    private readonly TimeSpan _readTimeout;
    private readonly TimeProvider _time;
    private int _next = -1;

    public ElasticsearchTransport(ElasticsearchSinkOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _urls = options.ConnectionUrls;
        _gzip = options.Compression;
        _readTimeout = options.ReadTimeout;
        _time = time;
        _authorization = options switch
        {
            { ApiKey: { } key } => new AuthenticationHeaderValue("ApiKey", key),
            { Username: { } user, Password: { } password } =>
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))),
            _ => null,
        };
        handler ??= new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectionTimeout > TimeSpan.Zero ? options.ConnectionTimeout : Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = options.MaxConnectionIdleTime,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = Math.Max(options.MaxInFlightRequests, 2),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Posts one NDJSON body to <c>/_bulk</c>; never throws except for cancellation by the caller.</summary>
    public async Task<BulkHttpResult> SendBulkAsync(ReadOnlyMemory<byte> ndjson, CancellationToken cancellationToken)
    {
        var url = _urls[(int)((uint)Interlocked.Increment(ref _next) % (uint)_urls.Count)];
        using var compressed = _gzip ? new PooledBufferWriter(Math.Max(ndjson.Length / 4, 1024)) : null;
        HttpContent content;
        if (compressed is not null)
        {
            BulkBodyWriter.Gzip(ndjson.Span, compressed);
            content = new ReadOnlyMemoryContent(compressed.WrittenMemory);
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ReadOnlyMemoryContent(ndjson);
        }

        content.Headers.ContentType = NdJson;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.AbsoluteUri.TrimEnd('/') + "/_bulk")) { Content = content };
        request.Headers.Authorization = _authorization;
        return await SendAsync(request, url, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a small JSON request (index and mapping management) to the next URL; never throws except for cancellation.</summary>
    public async Task<BulkHttpResult> SendJsonAsync(HttpMethod method, string path, byte[]? json, CancellationToken cancellationToken)
    {
        var url = _urls[(int)((uint)Interlocked.Increment(ref _next) % (uint)_urls.Count)];
        using var request = new HttpRequestMessage(method, new Uri(url.AbsoluteUri.TrimEnd('/') + "/" + path));
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.Authorization = _authorization;
        return await SendAsync(request, url, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BulkHttpResult> SendAsync(HttpRequestMessage request, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = _readTimeout > TimeSpan.Zero
            ? new CancellationTokenSource(_readTimeout, _time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new BulkHttpResult((int)response.StatusCode, body, null, url);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return new BulkHttpResult(0, [], e, url);
        }
    }

    public void Dispose() => _client.Dispose();
}
