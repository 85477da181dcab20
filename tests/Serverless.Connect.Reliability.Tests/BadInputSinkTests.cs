using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// Bad records reaching the standalone sink host (embedded Kafka, Elasticsearch contract server): each fails the task
/// naming the record or goes to the DLQ with its context headers, as configured, and nothing else is lost. The DLQ
/// header set for malformed JSON is asserted in full by <c>Hosting.Kafka.Tests/ErrorHandlingTests</c>.
/// </summary>
public sealed partial class BadInputSinkTests(ITestOutputHelper output)
{
    private const string EnvelopeMessage = "JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields and may not contain additional fields.";

    [Fact]
    public async Task BadInput_MalformedJson_ToleranceNoneFailsAtTheRecord_ThenToleranceAllResumesAndLosesNothing()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        var records = Good(20);
        records.Insert(7, ("bad-json", "{\"n\": 7,"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);
        var badOffset = delivered[7].Offset.Value;

        var failed = await RunUntilStoppedAsync(scenario);

        Assert.Equal(SinkTaskState.Failed, failed.State);
        AssertNamesRecord(failed.Trace, scenario.Topic, badOffset);
        Assert.Contains("org.apache.kafka.connect.errors.DataException", failed.Trace, StringComparison.Ordinal);
        var committedAtFailure = scenario.Committed()[0];
        Assert.True(committedAtFailure <= badOffset, $"committed {committedAtFailure} passed the bad record at {badOffset}");

        // The fix: tolerate and dead-letter. The restart resumes from the committed offset.
        var dlq = Tolerate(scenario);
        var resumed = await DrainAsync(scenario);

        var dead = scenario.ReadTopic(dlq, 1);
        var lost = 20 - scenario.Documents().Count;
        new FaultReport("bad-input", "malformed JSON: tolerance none, then all", records.Count, lost, 0, 0,
            $"failed at offset {badOffset}, committed {committedAtFailure}; after restart dlq={dead.Count}").Write(output);
        Assert.Equal(SinkTaskState.Stopped, resumed.State);
        Assert.Equal(0, lost);
        var record = Assert.Single(dead);
        Assert.Equal("bad-json", Encoding.UTF8.GetString(record.Message.Key!));
        AssertContextHeaders(record, scenario.Topic, badOffset, "VALUE_CONVERTER", "org.apache.kafka.connect.json.JsonConverter");
    }

    [Fact]
    public async Task BadInput_PlainJsonWithSchemasEnabled_FailsWithConnectsMessage_OrIsDeadLettered()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Settings["value.converter.schemas.enable"] = "true";
        scenario.Settings["schema.ignore"] = "true";
        var records = Enumerable.Range(0, 10)
            .Select(i => ($"k{i}", (string?)$"{{\"schema\":{{\"type\":\"struct\",\"fields\":[{{\"field\":\"n\",\"type\":\"int32\"}}]}},\"payload\":{{\"n\":{i}}}}}"))
            .ToList();
        records.Insert(3, ("plain", "{\"n\":3}"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);
        var badOffset = delivered[3].Offset.Value;

        var failed = await RunUntilStoppedAsync(scenario);

        Assert.Equal(SinkTaskState.Failed, failed.State);
        Assert.Contains(EnvelopeMessage, failed.Trace, StringComparison.Ordinal);
        AssertNamesRecord(failed.Trace, scenario.Topic, badOffset);
        Assert.True(scenario.Committed()[0] <= badOffset, "an offset past the bad record was committed");

        var dlq = Tolerate(scenario);
        await DrainAsync(scenario);

        var dead = Assert.Single(scenario.ReadTopic(dlq, 1));
        var documents = scenario.Documents();
        var lost = 10 - documents.Count;
        new FaultReport("bad-input", "plain JSON with schemas.enable=true", records.Count, lost, 0, 0, "task FAILED, then 1 record dead-lettered").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(3, documents["k3"]["n"]!.GetValue<int>());
        AssertContextHeaders(dead, scenario.Topic, badOffset, "VALUE_CONVERTER", "org.apache.kafka.connect.json.JsonConverter");
        Assert.StartsWith(EnvelopeMessage, Header(dead, "__connect.errors.exception.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ValueThatDoesNotFitTheCastSpec_IsDeadLetteredAtTheTransformationStage()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Settings["transforms"] = "cast";
        scenario.Settings["transforms.cast.type"] = "org.apache.kafka.connect.transforms.Cast$Value";
        scenario.Settings["transforms.cast.spec"] = "n:int32";
        var dlq = Tolerate(scenario);
        var records = Enumerable.Range(0, 12).Select(i => ($"k{i}", (string?)$"{{\"n\":\"{i}\"}}")).ToList();
        records.Insert(5, ("not-a-number", "{\"n\":\"twelve\"}"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);

        await DrainAsync(scenario);

        var dead = Assert.Single(scenario.ReadTopic(dlq, 1));
        var documents = scenario.Documents();
        var lost = 12 - documents.Count;
        new FaultReport("bad-input", "Cast$Value n:int32 on \"twelve\"", records.Count, lost, 0, 0, "1 record dead-lettered at TRANSFORMATION").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(11, documents["k11"]["n"]!.GetValue<int>());
        AssertContextHeaders(dead, scenario.Topic, delivered[5].Offset.Value, "TRANSFORMATION", "org.apache.kafka.connect.transforms.Cast$Value");
        Assert.Contains("twelve", Header(dead, "__connect.errors.exception.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_DocumentAboveHttpMaxContentLength_IsDeadLettered_AndTheRestIndexed()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Server.MaxContentLength = 4000;
        scenario.Settings["behavior.on.malformed.documents"] = "warn";
        var dlq = Tolerate(scenario);
        var records = Good(30);
        records.Insert(12, ("huge", $"{{\"n\":12,\"blob\":\"{new string('h', 20_000)}\"}}"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);

        await DrainAsync(scenario);

        var dead = Assert.Single(scenario.ReadTopic(dlq, 1));
        var documents = scenario.Documents();
        var lost = 30 - documents.Count;
        new FaultReport("bad-input", "document above http.max_content_length (413)", records.Count, lost, 0, 0,
            $"requests answered 413: {scenario.Server.Requests.Count(r => r.ResponseStatus == 413)}").Write(output);
        Assert.Equal(0, lost);
        Assert.DoesNotContain("huge", documents.Keys);
        Assert.Equal("huge", Encoding.UTF8.GetString(dead.Message.Key!));
        AssertContextHeaders(dead, scenario.Topic, delivered[12].Offset.Value, "TASK_PUT", "io.confluent.connect.elasticsearch.ElasticsearchSinkTask");
        Assert.Contains("http.max_content_length", Header(dead, "__connect.errors.exception.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_DocumentAboveHttpMaxContentLength_WithFailFailsNamingIt_AndIsIndexedOnceTheLimitIsRaised()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Server.MaxContentLength = 4000;
        var records = Good(30);
        records.Insert(12, ("huge", $"{{\"n\":12,\"blob\":\"{new string('h', 20_000)}\"}}"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);
        var hugeOffset = delivered[12].Offset.Value;

        var failed = await RunUntilStoppedAsync(scenario);

        Assert.Equal(SinkTaskState.Failed, failed.State);
        AssertNamesRecord(failed.Trace, scenario.Topic, hugeOffset);
        output.WriteLine(failed.Trace!.Split('\n')[0]);
        Assert.Contains("request_entity_too_large", failed.Trace, StringComparison.Ordinal);
        var committedAtFailure = scenario.Committed()[0];
        Assert.True(committedAtFailure <= hugeOffset, $"committed {committedAtFailure} passed the oversized record at {hugeOffset}");

        // The cluster's limit raised (http.max_content_length): the restart writes it and everything after it.
        scenario.Server.MaxContentLength = null;
        await DrainAsync(scenario);

        var documents = scenario.Documents();
        var lost = 31 - documents.Count;
        new FaultReport("bad-input", "document above http.max_content_length, behavior fail", records.Count, lost, 0, 0,
            $"task FAILED at offset {hugeOffset}, committed {committedAtFailure}; indexed after the limit was raised").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(20_000, documents["huge"]["blob"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task BadInput_DocumentAboveBulkSizeBytes_IsSentInARequestOfItsOwn()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Settings["bulk.size.bytes"] = "2000";
        var records = Good(30);
        records.Insert(12, ("huge", $"{{\"n\":12,\"blob\":\"{new string('h', 20_000)}\"}}"));
        await scenario.ProduceAsync(records, partition: 0);

        await DrainAsync(scenario);

        var documents = scenario.Documents();
        var alone = scenario.Server.Requests.Where(r => r.Body.Contains("hhhh", StringComparison.Ordinal)).ToList();
        new FaultReport("bad-input", "document above bulk.size.bytes", records.Count, 31 - documents.Count, 0, 0,
            $"{scenario.Server.Requests.Count} bulk requests").Write(output);
        Assert.Equal(31, documents.Count);
        Assert.Equal(1, Assert.Single(alone).Operations);
        Assert.All(scenario.Server.Requests, r => Assert.Equal(200, r.ResponseStatus));
    }

    private static List<(string Key, string? Value)> Good(int count) =>
        [.. Enumerable.Range(0, count).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}"))];

    private static string Tolerate(SinkScenario scenario)
    {
        var dlq = scenario.Topic + "-dlq";
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = dlq;
        scenario.Settings["errors.deadletterqueue.context.headers.enable"] = "true";
        return dlq;
    }

    private static async Task<SinkTaskStatus> RunUntilStoppedAsync(SinkScenario scenario)
    {
        await using var host = scenario.CreateHost();
        return await host.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
    }

    private static async Task<SinkTaskStatus> DrainAsync(SinkScenario scenario)
    {
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => scenario.AllCommitted() || run.IsCompleted, "every record is committed");
        await stop.CancelAsync();
        var status = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(status.State == SinkTaskState.Stopped, status.Trace);
        return status;
    }

    private static void AssertNamesRecord(string? trace, string topic, long offset) =>
        Assert.Contains($"topic={topic}, partition=0, offset={offset.ToString(CultureInfo.InvariantCulture)}", trace, StringComparison.Ordinal);

    private static void AssertContextHeaders(ConsumeResult<byte[]?, byte[]?> record, string topic, long offset, string stage, string className)
    {
        Assert.Equal(topic, Header(record, "__connect.errors.topic"));
        Assert.Equal("0", Header(record, "__connect.errors.partition"));
        Assert.Equal(offset.ToString(CultureInfo.InvariantCulture), Header(record, "__connect.errors.offset"));
        Assert.Equal(stage, Header(record, "__connect.errors.stage"));
        Assert.Equal(className, Header(record, "__connect.errors.class.name"));
        Assert.False(string.IsNullOrEmpty(Header(record, "__connect.errors.exception.class.name")));
        Assert.False(string.IsNullOrEmpty(Header(record, "__connect.errors.exception.message")));
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> record, string key) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(key));
}
