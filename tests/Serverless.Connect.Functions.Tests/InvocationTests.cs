using System.Text.Json.Nodes;

namespace Serverless.Connect.Functions.Tests;

/// <summary>Batches posted in the host's exact format are written to Elasticsearch and answered with HTTP 200.</summary>
public sealed class InvocationTests
{
    [Fact]
    public async Task Batch_IsIndexed_AndAnsweredWithTheHostsResponseShape()
    {
        await using var app = await FunctionApp.CreateAsync(partitions: 2);
        var records = new List<Confluent.Kafka.ConsumeResult<byte[]?, byte[]?>>();
        records.AddRange(await app.ProduceAndConsumeAsync(Enumerable.Range(0, 50).Select(i => ($"k{i}", (string?)$"{{\"n\":{i},\"part\":0}}")), partition: 0));
        records.AddRange(await app.ProduceAndConsumeAsync(Enumerable.Range(50, 50).Select(i => ($"k{i}", (string?)$"{{\"n\":{i},\"part\":1}}")), partition: 1));

        var (status, body) = await app.InvokeAsync(records);

        Assert.Equal(200, status);
        Assert.Equal(["Logs", "Outputs", "ReturnValue"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Empty(body["Outputs"]!.AsObject());
        Assert.Null(body["ReturnValue"]);
        Assert.Contains("100 records, 100 put", body["Logs"]!.AsArray()[0]!.GetValue<string>(), StringComparison.Ordinal);
        var documents = app.Documents();
        Assert.Equal(100, documents.Count);
        Assert.Equal(42, documents["k42"]["n"]!.GetValue<int>());
        Assert.Equal(1, documents["k77"]["part"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)] // the host's own extra encoding: Data.events is a string holding the JSON array of event strings
    [InlineData(1)] // one more level, as another host version or a proxy might add
    [InlineData(2)]
    public async Task EncodedPayload_DecodesToTheSameRecords(int extraEncodings)
    {
        await using var app = await FunctionApp.CreateAsync();
        var value = "{\"text\":\"quote \\\" backslash \\\\ unicode \\u00e9\",\"nested\":{\"a\":[1,2]}}";
        var records = await app.ProduceAndConsumeAsync([("k1", value)]);

        var (status, _) = await app.InvokeAsync(records, extraEncodings);

        Assert.Equal(200, status);
        var document = app.Documents()["k1"];
        Assert.Equal("quote \" backslash \\ unicode \u00e9", document["text"]!.GetValue<string>());
        Assert.Equal(2, document["nested"]!["a"]!.AsArray()[1]!.GetValue<int>());
    }

    [Fact]
    public async Task PlainArrayOfEventObjects_IsAcceptedToo()
    {
        await using var app = await FunctionApp.CreateAsync();
        var records = await app.ProduceAndConsumeAsync([("k1", "{\"n\":1}")]);
        var events = new JsonArray([.. records.Select(r => JsonNode.Parse(HostFormat.EventJson(r)))]);
        var body = new JsonObject { ["Data"] = new JsonObject { ["events"] = events }, ["Metadata"] = new JsonObject() }.ToJsonString();

        var (status, _) = await app.InvokeAsync(body);

        Assert.Equal(200, status);
        Assert.Equal(1, app.Documents()["k1"]["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Tombstone_DeletesTheDocument()
    {
        await using var app = await FunctionApp.CreateAsync();
        var first = await app.ProduceAndConsumeAsync([("k1", "{\"n\":1}"), ("k2", "{\"n\":2}")]);
        Assert.Equal(200, (await app.InvokeAsync(first)).Status);
        Assert.Equal(2, app.Documents().Count);

        var tombstone = await app.ProduceAndConsumeAsync([("k1", null)]);
        Assert.Null(tombstone[0].Message.Value);
        Assert.Equal(200, (await app.InvokeAsync(tombstone)).Status);

        Assert.Equal(["k2"], app.Documents().Keys);
    }

    [Fact]
    public async Task RecordsOfOnePartition_AreAppliedInOffsetOrder()
    {
        await using var app = await FunctionApp.CreateAsync(partitions: 2);
        var records = new List<Confluent.Kafka.ConsumeResult<byte[]?, byte[]?>>();
        // The trigger interleaves partitions within a batch; within each partition the order is the log order.
        var p0 = await app.ProduceAndConsumeAsync(Enumerable.Range(0, 20).Select(i => ("same", (string?)$"{{\"v\":{i}}}")), partition: 0);
        var p1 = await app.ProduceAndConsumeAsync(Enumerable.Range(0, 20).Select(i => ("other", (string?)$"{{\"v\":{100 + i}}}")), partition: 1);
        for (var i = 0; i < 20; i++)
        {
            records.Add(p0[i]);
            records.Add(p1[i]);
        }

        Assert.Equal(200, (await app.InvokeAsync(records)).Status);

        var documents = app.Documents();
        Assert.Equal(19, documents["same"]["v"]!.GetValue<int>());
        Assert.Equal(119, documents["other"]["v"]!.GetValue<int>());
    }

    [Fact]
    public async Task Readiness_AnswersAtOnce_WithoutTouchingTheSink()
    {
        await using var app = await FunctionApp.CreateAsync();
        app.Settings["connection.url"] = "http://127.0.0.1:9"; // nothing listens there

        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(app.Server.Requests);
    }
}
