using System.Text;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class TransportTests : SinkFixture
{
    [Fact]
    public async Task Compression_gzips_every_bulk_body()
    {
        var task = CreateTask(("connection.compression", "true"), ("batch.size", "100"));
        var records = Enumerable.Range(0, 250).Select(i => Records.Keyed("gz", 0, i, "k" + i, new string('x', 200), i)).ToList();

        var outcomes = await task.PutAsync(records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Equal(250, await Reader.CountAsync("gz"));
        Assert.All(Server.Requests, r =>
        {
            Assert.True(r.Gzipped);
            Assert.Equal("application/x-ndjson", r.ContentType);
        });

        // Over all requests: on a loaded machine linger.ms can flush a batch of one document, which gzip barely shrinks.
        var compressed = Server.Requests.Sum(r => (long)r.CompressedBytes);
        var plain = Server.Requests.Sum(r => (long)Encoding.UTF8.GetByteCount(r.Body));
        Assert.True(compressed * 5 < plain, $"gzip should shrink repetitive NDJSON at least 5x ({compressed} of {plain} bytes)");
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Basic_auth_is_sent_when_user_and_password_are_set()
    {
        Server.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:s3cr3t"));
        var task = CreateTask(("connection.username", "elastic"), ("connection.password", "s3cr3t"));

        var outcome = Assert.Single(await task.PutAsync([Records.Keyed("auth", 0, 1, "a", "x", 1)]));

        Assert.Equal(SinkRecordStatus.Written, outcome.Status);
    }

    [Fact]
    public async Task Api_key_is_sent_as_an_apikey_authorization_header()
    {
        Server.RequiredAuthorization = "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
        var task = CreateTask(("connection.api.key", "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));

        var outcome = Assert.Single(await task.PutAsync([Records.Keyed("apikey", 0, 1, "a", "x", 1)]));

        Assert.Equal(SinkRecordStatus.Written, outcome.Status);
    }

    [Fact]
    public async Task Rejected_credentials_fail_the_call_instead_of_dead_lettering_records()
    {
        Server.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:right"));
        var task = CreateTask(("connection.username", "elastic"), ("connection.password", "wrong"));

        var error = await Assert.ThrowsAsync<ConnectException>(() => task.PutAsync([Records.Keyed("auth", 0, 1, "a", "x", 1)]));

        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("security_exception", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.AuthRejections);
    }
}
