using System.Text.Json.Nodes;

namespace Serverless.Connect.Functions.Tests;

/// <summary>Whatever is not done answers non-2xx, so the host retries the batch and commits nothing.</summary>
public sealed class SinkFailureTests
{
    [Fact]
    public async Task ElasticsearchOutage_ReturnsNon2xxNamingTheRecords_AndTheRetrySucceedsOnceItIsBack()
    {
        await using var app = await FunctionApp.CreateAsync();
        var records = await app.ProduceAndConsumeAsync([("k0", "{\"n\":0}"), ("k1", "{\"n\":1}")]);
        app.Server.Faults.Outage = true;

        var (status, body) = await app.InvokeAsync(records);

        Assert.Equal(503, status);
        Assert.Equal(["Logs", "Outputs", "ReturnValue"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains($"{app.Topic}-0@{records[0].Offset.Value} and later were left retriable", Log(body), StringComparison.Ordinal);
        Assert.Empty(app.Documents());

        app.Server.Faults.Outage = false;
        var (retried, _) = await app.InvokeAsync(records, retryCount: 1);

        Assert.Equal(200, retried);
        Assert.Equal(2, app.Documents().Count);
    }

    [Fact]
    public async Task TooManyRequestsStorm_IsRetriedInsideTheInvocation_WhenItEndsWithinTheSinksRetries()
    {
        await using var app = await FunctionApp.CreateAsync();
        app.Settings["max.retries"] = "5";
        var records = await app.ProduceAndConsumeAsync(Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));
        app.Server.Faults.FailNextRequests(3, 429);

        var (status, _) = await app.InvokeAsync(records);

        Assert.Equal(200, status);
        Assert.Equal(10, app.Documents().Count);
    }

    [Fact]
    public async Task TooManyRequestsStorm_BeyondTheSinksRetries_ReturnsNon2xx_ThenTheHostsRetrySucceeds()
    {
        await using var app = await FunctionApp.CreateAsync();
        app.Settings["max.retries"] = "1";
        var records = await app.ProduceAndConsumeAsync(Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));
        app.Server.Faults.FailNextRequests(1000, 429);

        var (first, body) = await app.InvokeAsync(records);
        var (second, _) = await app.InvokeAsync(records, retryCount: 1);
        var writtenWhileFailing = app.Documents().Count;
        app.Server.Faults.FailNextRequests(0, 429);
        var (third, _) = await app.InvokeAsync(records, retryCount: 2);

        Assert.Equal(503, first);
        Assert.Equal(503, second);
        Assert.Contains("left retriable", Log(body), StringComparison.Ordinal);
        Assert.Equal(0, writtenWhileFailing);
        Assert.Equal(200, third);
        Assert.Equal(10, app.Documents().Count);
    }

    [Fact]
    public async Task ConfigurationError_ReturnsNon2xxWithAClearMessage_OnEveryAttempt()
    {
        await using var app = await FunctionApp.CreateAsync();
        app.Settings["transforms"] = "oops";
        app.Settings["transforms.oops.type"] = "org.apache.kafka.connect.transforms.NoSuchTransform";
        var records = await app.ProduceAndConsumeAsync([("k0", "{\"n\":0}")]);

        var (status, body) = await app.InvokeAsync(records);
        var (again, _) = await app.InvokeAsync(records, retryCount: 1);

        Assert.Equal(500, status);
        Assert.Equal(500, again);
        Assert.Contains("configuration error", Log(body), StringComparison.Ordinal);
        Assert.Contains("NoSuchTransform", Log(body), StringComparison.Ordinal);
        Assert.Empty(app.Server.Requests);
    }

    [Fact]
    public async Task AvroValueConverter_InAHandWrittenConnectorsFile_IsRefusedOnEveryAttempt_NamingTheKeyAndTheSinkHost()
    {
        // Generation refuses it already (GeneratorTests); a connectors/ file edited by hand reaches the handler.
        await using var app = await FunctionApp.CreateAsync();
        app.Settings["value.converter"] = "io.confluent.connect.avro.AvroConverter";
        app.Settings["value.converter.schema.registry.url"] = "http://127.0.0.1:1";
        app.Settings.Remove("value.converter.schemas.enable");
        var records = await app.ProduceAndConsumeAsync([("k0", "{\"n\":0}")]);

        var (status, body) = await app.InvokeAsync(records);
        var (again, _) = await app.InvokeAsync(records, retryCount: 1);

        Assert.Equal(500, status);
        Assert.Equal(500, again);
        Assert.Contains("value.converter io.confluent.connect.avro.AvroConverter reads binary Schema Registry data", Log(body), StringComparison.Ordinal);
        Assert.Contains("./connect sink", Log(body), StringComparison.Ordinal);
        Assert.Empty(app.Server.Requests);
    }

    [Fact]
    public async Task UnresolvedSecret_NamesTheOverrideSetting_AndTheOverrideFixesIt()
    {
        await using var app = await FunctionApp.CreateAsync();
        var url = app.Settings["connection.url"];
        app.Settings["connection.url"] = "${secrets:es:url}";
        app.AppSettings[$"{Generation.FunctionNames.OverridePrefix(app.Name)}__connection.url"] = url;
        var records = await app.ProduceAndConsumeAsync([("k0", "{\"n\":0}")]);

        var (status, _) = await app.InvokeAsync(records);

        Assert.Equal(200, status);
        Assert.Single(app.Documents());
    }

    [Fact]
    public async Task UnknownFunction_Returns404ListingTheFunctions()
    {
        await using var app = await FunctionApp.CreateAsync();

        var (status, body) = await app.InvokeAsync(HostFormat.Body("nope", []), functionName: "nope");

        Assert.Equal(404, status);
        Assert.Contains(app.FunctionName, Log(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedInvocationBody_Returns400NamingTheRecord()
    {
        await using var app = await FunctionApp.CreateAsync();
        var kafkaEvent = HostFormat.EventJson(app.Topic, 0, 7, DateTime.UtcNow, "k", "{}", [("h", [1])]).Replace("\"AQ==\"", "\"not base64!\"", StringComparison.Ordinal);

        var (status, body) = await app.InvokeAsync(HostFormat.Body(app.FunctionName, [kafkaEvent]));

        Assert.Equal(400, status);
        Assert.Contains($"{app.Topic}-0@7: header h is not base64", Log(body), StringComparison.Ordinal);
    }

    private static string Log(JsonObject body) => string.Join("\n", body["Logs"]!.AsArray().Select(l => l!.GetValue<string>()));
}
