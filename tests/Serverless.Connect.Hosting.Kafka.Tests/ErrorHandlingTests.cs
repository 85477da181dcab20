using System.Text;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task MalformedRecords_LandInTheDeadLetterQueueWithContextHeaders_WhileGoodOnesAreIndexed()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        var dlq = TestKafka.UniqueTopic() + "-dlq";
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = dlq;
        scenario.Settings["errors.deadletterqueue.context.headers.enable"] = "true";
        scenario.Settings["behavior.on.malformed.documents"] = "warn";
        scenario.Server.Faults.ItemFault = item => item.Id == "es-rejects"
            ? new InjectedError(400, "mapper_parsing_exception", "failed to parse field [n] of type [long]")
            : null;
        var records = Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")).ToList();
        records.Insert(4, ("bad-json", "{not json"));
        records.Insert(8, ("es-rejects", "{\"n\":\"x\"}"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();

        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "every record is committed");
        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await run).State);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"k{i}").Order(), scenario.Documents().Keys.Order());
        var dead = scenario.ReadTopic(dlq, 2).OrderBy(r => Header(r, "__connect.errors.offset")).ToList();
        Assert.Equal(2, dead.Count);

        var converter = dead.Single(r => Encoding.UTF8.GetString(r.Message.Key!) == "bad-json");
        Assert.Equal("{not json", Encoding.UTF8.GetString(converter.Message.Value!));
        Assert.Equal(scenario.Topic, Header(converter, "__connect.errors.topic"));
        Assert.Equal("0", Header(converter, "__connect.errors.partition"));
        Assert.Equal(delivered[4].Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(converter, "__connect.errors.offset"));
        Assert.Equal(scenario.Name, Header(converter, "__connect.errors.connector.name"));
        Assert.Equal("0", Header(converter, "__connect.errors.task.id"));
        Assert.Equal("VALUE_CONVERTER", Header(converter, "__connect.errors.stage"));
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", Header(converter, "__connect.errors.class.name"));
        Assert.Equal("org.apache.kafka.connect.errors.DataException", Header(converter, "__connect.errors.exception.class.name"));
        Assert.False(string.IsNullOrEmpty(Header(converter, "__connect.errors.exception.message")));
        Assert.StartsWith("org.apache.kafka.connect.errors.DataException", Header(converter, "__connect.errors.exception.stacktrace"), StringComparison.Ordinal);

        var put = dead.Single(r => Encoding.UTF8.GetString(r.Message.Key!) == "es-rejects");
        Assert.Equal("TASK_PUT", Header(put, "__connect.errors.stage"));
        Assert.Equal("io.confluent.connect.elasticsearch.ElasticsearchSinkTask", Header(put, "__connect.errors.class.name"));
        Assert.Equal(delivered[8].Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(put, "__connect.errors.offset"));
        Assert.Contains("mapper_parsing_exception", Header(put, "__connect.errors.exception.message"), StringComparison.Ordinal);

        Assert.Equal(2, host.ErrorMetrics.DeadLetterQueueProduceRequests);
        Assert.Equal(0, host.ErrorMetrics.DeadLetterQueueProduceFailures);
        Assert.Equal(2, host.ErrorMetrics.TotalRecordsSkipped);
    }

    [Fact]
    public async Task BadRecord_WithToleranceNone_FailsTheTask_WithoutCommittingIt()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        var records = Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")).ToList();
        records.Insert(6, ("bad-json", "{not json"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);
        await using var host = scenario.CreateHost();

        var status = await host.RunAsync(CancellationToken.None);

        Assert.Equal(SinkTaskState.Failed, status.State);
        Assert.Contains("Tolerance exceeded in error handler", status.Trace, StringComparison.Ordinal);
        var committed = scenario.Committed()[0];
        Assert.True(committed <= delivered[6].Offset.Value, $"committed {committed} passed the failed record at {delivered[6].Offset.Value}");
        Assert.DoesNotContain("bad-json", scenario.Documents().Keys);
    }

    [Fact]
    public async Task FailedOutcome_FailsTheTaskWithATrace_AndCommitsNothingPastIt()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Server.Faults.ItemFault = item => item.Id == "k5"
            ? new InjectedError(403, "security_exception", "action [indices:data/write/bulk[s]] is unauthorized")
            : null;
        var delivered = await scenario.ProduceAsync(Enumerable.Range(0, 12).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")), partition: 0);
        await using var host = scenario.CreateHost();

        var status = await host.RunAsync(CancellationToken.None);

        Assert.Equal(SinkTaskState.Failed, status.State);
        Assert.Contains("org.apache.kafka.connect.errors.ConnectException", status.Trace, StringComparison.Ordinal);
        Assert.Contains("security_exception", status.Trace, StringComparison.Ordinal);
        Assert.Equal(delivered[5].Offset.Value, scenario.Committed()[0]);
    }

    private static string Header(Confluent.Kafka.ConsumeResult<byte[]?, byte[]?> record, string key) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(key));
}
