using System.Net;
using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>Reads final state over HTTP, so the same assertions work against the contract server and a real cluster.</summary>
public sealed class EsReader : IDisposable
{
    private readonly HttpClient _client;

    public EsReader(Uri baseUrl, string? authorization = null)
    {
        _client = new HttpClient { BaseAddress = baseUrl };
        if (authorization is not null)
        {
            _client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }
    }

    public async Task<Dictionary<string, JsonObject>> AllDocumentsAsync(string index)
    {
        await _client.PostAsync(new Uri($"{Uri.EscapeDataString(index)}/_refresh", UriKind.Relative), null);
        using var response = await _client.GetAsync(new Uri($"{Uri.EscapeDataString(index)}/_search?size=10000", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["hits"]!["hits"]!.AsArray()
            .ToDictionary(h => h!["_id"]!.GetValue<string>(), h => h!["_source"]!.AsObject());
    }

    public async Task<(long Version, JsonObject Source)?> GetAsync(string index, string id)
    {
        using var response = await _client.GetAsync(new Uri($"{Uri.EscapeDataString(index)}/_doc/{Uri.EscapeDataString(id)}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["_version"]!.GetValue<long>(), body["_source"]!.AsObject());
    }

    public async Task<long> CountAsync(string index)
    {
        await _client.PostAsync(new Uri($"{Uri.EscapeDataString(index)}/_refresh", UriKind.Relative), null);
        using var response = await _client.GetAsync(new Uri($"{Uri.EscapeDataString(index)}/_count", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["count"]!.GetValue<long>();
    }

    public void Dispose() => _client.Dispose();
}
