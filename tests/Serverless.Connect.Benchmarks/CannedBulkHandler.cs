using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Serverless.Connect.Benchmarks;

/// <summary>Answers every bulk request in memory with one successful <c>index</c> item per action/source line pair.</summary>
internal sealed class CannedBulkHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<int, byte[]> _responses = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var items = body.AsSpan().Count((byte)'\n') / 2;
        var json = _responses.GetOrAdd(items, static n =>
        {
            var text = new StringBuilder("{\"took\":1,\"errors\":false,\"items\":[");
            for (var i = 0; i < n; i++)
            {
                text.Append(i == 0 ? "" : ",").Append("{\"index\":{\"_index\":\"orders\",\"_version\":1,\"result\":\"created\",\"status\":201}}");
            }

            return Encoding.ASCII.GetBytes(text.Append("]}").ToString());
        });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(json) };
    }
}
