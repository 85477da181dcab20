using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

/// <summary>The contract server itself enforces Elasticsearch's rules, or the sink tests would prove little.</summary>
public sealed class ContractServerTests : IAsyncLifetime
{
    private readonly ElasticsearchContractServer _server = new();
    private readonly HttpClient _client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> BulkAsync(string ndjson, string contentType = "application/x-ndjson")
    {
        using var content = new StringContent(ndjson, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await _client.PostAsync(new Uri(_server.Url, "_bulk"), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Root_reports_an_elasticsearch_8_node()
    {
        var body = JsonNode.Parse(await _client.GetStringAsync(_server.Url))!;

        Assert.Equal("8.15.0", body["version"]!["number"]!.GetValue<string>());
        Assert.Equal("You Know, for Search", body["tagline"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"index\":{\"_index\":\"i\",\"_id\":\"1\"}}\n{\"a\":1}", "illegal_argument_exception", "terminated by a newline")]
    [InlineData("{\"index\":{\"_index\":\"i\",\"_id\":\"1\",\"version\":3}}\n{\"a\":1}\n", "action_request_validation_exception", "internal versioning")]
    [InlineData("{\"update\":{\"_index\":\"i\",\"_id\":\"1\",\"version\":3,\"version_type\":\"external\"}}\n{\"doc\":{}}\n", "action_request_validation_exception", "not supported by the update API")]
    [InlineData("{\"index\":{\"_index\":\"i\",\"_id\":\"1\",\"retry_on_conflict\":3}}\n{\"a\":1}\n", "illegal_argument_exception", "unknown parameter [retry_on_conflict]")]
    [InlineData("{\"index\":{\"_index\":\"i\",\"_type\":\"_doc\"}}\n{\"a\":1}\n", "illegal_argument_exception", "unknown parameter [_type]")]
    [InlineData("{\"update\":{\"_index\":\"i\",\"_id\":\"1\"}}\n{\"a\":1}\n", "illegal_argument_exception", "unknown field [a]")]
    [InlineData("{\"index\":{\"_index\":\"i\"}}\n", "action_request_validation_exception", "source is missing")]
    public async Task Invalid_bulk_bodies_are_rejected_as_a_whole(string ndjson, string type, string reason)
    {
        var (status, body) = await BulkAsync(ndjson);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(type, body["error"]!["type"]!.GetValue<string>());
        Assert.Contains(reason, body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Json_content_type_is_rejected()
    {
        var (status, _) = await BulkAsync("{\"delete\":{\"_index\":\"i\",\"_id\":\"1\"}}\n", "text/plain");

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Items_follow_elasticsearch_semantics_and_response_shape()
    {
        var (status, body) = await BulkAsync(
            "{\"index\":{\"_index\":\"i\",\"_id\":\"1\",\"version\":5,\"version_type\":\"external\"}}\n{\"a\":1}\n"
            + "{\"index\":{\"_index\":\"i\",\"_id\":\"1\",\"version\":5,\"version_type\":\"external\"}}\n{\"a\":2}\n"
            + "{\"create\":{\"_index\":\"i\",\"_id\":\"1\"}}\n{\"a\":3}\n"
            + "{\"delete\":{\"_index\":\"i\",\"_id\":\"2\"}}\n"
            + "{\"update\":{\"_index\":\"i\",\"_id\":\"3\"}}\n{\"doc\":{\"a\":1}}\n"
            + "{\"index\":{\"_index\":\"logs-x-y\",\"_id\":\"1\"}}\n{\"a\":1}\n");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["errors"]!.GetValue<bool>());
        Assert.NotNull(body["took"]);
        var items = body["items"]!.AsArray().Select(i => i!.AsObject().Single()).ToList();
        Assert.Equal(["index", "index", "create", "delete", "update", "index"], items.Select(i => i.Key));
        Assert.Equal([201, 409, 409, 404, 404, 400], items.Select(i => i.Value!["status"]!.GetValue<int>()));
        Assert.Equal("created", items[0].Value!["result"]!.GetValue<string>());
        Assert.Equal(5, items[0].Value!["_version"]!.GetValue<long>());
        Assert.Equal("version_conflict_engine_exception", items[1].Value!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("not_found", items[3].Value!["result"]!.GetValue<string>());
        Assert.Equal("document_missing_exception", items[4].Value!["error"]!["type"]!.GetValue<string>());
        Assert.Contains("op_type of create", items[5].Value!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
