using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Functions.Tests;

/// <summary>Bad records go to a real Kafka DLQ topic (delivery awaited) with Connect's context headers, and the batch succeeds.</summary>
public sealed class DeadLetterTests
{
    [Fact]
    public async Task MalformedRecord_IsDeadLetteredWithContextHeaders_AndTheRestIsIndexed()
    {
        await using var app = await FunctionApp.CreateAsync();
        var dlq = TestKafka.UniqueTopic();
        app.Settings["errors.tolerance"] = "all";
        app.Settings["errors.deadletterqueue.topic.name"] = dlq;
        app.Settings["errors.deadletterqueue.context.headers.enable"] = "true";
        var trace = Encoding.UTF8.GetBytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var records = await app.ProduceAndConsumeAsync(
            [("k0", "{\"n\":0}"), ("bad", "{not json"), ("k2", "{\"n\":2}")], headers: [("traceparent", trace)]);

        var (status, body) = await app.InvokeAsync(records);

        Assert.Equal(200, status);
        Assert.Contains("1 dead-lettered", body["Logs"]!.AsArray()[0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["k0", "k2"], app.Documents().Keys.Order(StringComparer.Ordinal));
        var dead = Assert.Single(app.ReadTopic(dlq, 1));
        Assert.Equal("{not json", Encoding.UTF8.GetString(dead.Message.Value!));
        Assert.Equal("bad", Encoding.UTF8.GetString(dead.Message.Key!));
        // The original header, decoded from the trigger's base64, is copied byte for byte.
        Assert.Equal(trace, dead.Message.Headers.GetLastBytes("traceparent"));
        Assert.Equal(app.Topic, Header(dead, "__connect.errors.topic"));
        Assert.Equal("0", Header(dead, "__connect.errors.partition"));
        Assert.Equal(records[1].Offset.Value.ToString(CultureInfo.InvariantCulture), Header(dead, "__connect.errors.offset"));
        Assert.Equal(app.Name, Header(dead, "__connect.errors.connector.name"));
        Assert.Equal("0", Header(dead, "__connect.errors.task.id"));
        Assert.Equal("VALUE_CONVERTER", Header(dead, "__connect.errors.stage"));
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", Header(dead, "__connect.errors.class.name"));
        Assert.Equal("org.apache.kafka.connect.errors.DataException", Header(dead, "__connect.errors.exception.class.name"));
        Assert.Equal(records[1].Message.Timestamp.UnixTimestampMs, dead.Message.Timestamp.UnixTimestampMs);
    }

    [Fact]
    public async Task RetriedBatch_DoesNotDeadLetterTheSameRecordTwice()
    {
        await using var app = await FunctionApp.CreateAsync();
        var dlq = TestKafka.UniqueTopic();
        app.Settings["errors.tolerance"] = "all";
        app.Settings["errors.deadletterqueue.topic.name"] = dlq;
        var records = await app.ProduceAndConsumeAsync([("bad", "{not json"), ("k1", "{\"n\":1}")]);
        app.Server.Faults.Outage = true;

        var (failed, _) = await app.InvokeAsync(records);
        app.Server.Faults.Outage = false;
        var (retried, _) = await app.InvokeAsync(records, retryCount: 1);

        Assert.Equal(503, failed);
        Assert.Equal(200, retried);
        Assert.Equal(["k1"], app.Documents().Keys);
        Assert.Single(app.ReadTopic(dlq, 1));
    }

    [Fact]
    public async Task ToleranceNone_FailsTheBatchWithTheRecordNamed_AndKeepsFailingUntilFixed()
    {
        await using var app = await FunctionApp.CreateAsync();
        var records = await app.ProduceAndConsumeAsync([("k0", "{\"n\":0}"), ("bad", "{not json")]);

        var (status, body) = await app.InvokeAsync(records);
        var (again, _) = await app.InvokeAsync(records, retryCount: 1);

        Assert.Equal(500, status);
        Assert.Equal(500, again);
        var log = body["Logs"]!.AsArray()[0]!.GetValue<string>();
        Assert.Contains("Tolerance exceeded", log, StringComparison.Ordinal);
        Assert.Contains($"partition=0, offset={records[1].Offset.Value}", log, StringComparison.Ordinal);
    }

    private static string? Header(ConsumeResult<byte[]?, byte[]?> record, string key) =>
        record.Message.Headers.TryGetLastBytes(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
