using System.Text;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Runtime.Tests.Support;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Tests.Pipeline;

public sealed class SinkRecordPipelineTests
{
    private const string Json = "org.apache.kafka.connect.json.JsonConverter";

    [Fact]
    public async Task ConvertsKeyValueAndHeaders_ThenTransforms()
    {
        using var pipeline = Create(new()
        {
            ["value.converter.schemas.enable"] = "false",
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["transforms"] = "p",
            ["transforms.p.type"] = TestTransforms.Prefix,
            ["transforms.p.prefix"] = "prod-",
        });
        var input = TestRecords.Consumed(key: "order-1", value: "{\"id\":1,\"name\":\"a\"}", headers: new RawHeader("trace", Encoding.UTF8.GetBytes("t1")));

        var result = await pipeline.ProcessAsync(input);

        Assert.Equal(PipelineOutcome.Record, result.Outcome);
        var record = result.Record!;
        Assert.Equal("prod-orders", record.Topic);
        Assert.Equal(2, record.KafkaPartition);
        Assert.Equal(42, record.KafkaOffset);
        Assert.Equal(1700000000000, record.Timestamp);
        Assert.Equal("order-1", record.Key);
        var value = Assert.IsAssignableFrom<IReadOnlyDictionary<object, object?>>(record.Value);
        Assert.Equal(1L, value["id"]);
        var header = Assert.Single(record.Headers);
        Assert.Equal(("trace", "t1"), (header.Key, (string?)header.Value));
        Assert.Equal("{\"id\":1,\"name\":\"a\"}", Encoding.UTF8.GetString(pipeline.FromConnectValue(record)!));
        Assert.Equal("order-1", Encoding.UTF8.GetString(pipeline.FromConnectKey(record)!));
    }

    [Fact]
    public async Task NoTimestamp_BecomesARecordWithoutTimestamp()
    {
        using var pipeline = Create(new() { ["value.converter.schemas.enable"] = "false" });

        var result = await pipeline.ProcessAsync(TestRecords.Consumed(timestamp: -1));

        Assert.Null(result.Record!.Timestamp);
        Assert.Equal(TimestampType.NoTimestampType, result.Record.TimestampType);
    }

    [Fact]
    public async Task TransformReturningNull_DropsTheRecord()
    {
        using var pipeline = Create(new()
        {
            ["transforms"] = "filter",
            ["transforms.filter.type"] = TestTransforms.Drop,
            ["transforms.filter.predicate"] = "tomb",
            ["transforms.filter.negate"] = "true",
            ["predicates"] = "tomb",
            ["predicates.tomb.type"] = TestTransforms.IsTombstone,
            ["value.converter.schemas.enable"] = "false",
        });

        var kept = await pipeline.ProcessAsync(TestRecords.Consumed(value: null));
        var dropped = await pipeline.ProcessAsync(TestRecords.Consumed(value: "{}"));

        Assert.Equal(PipelineOutcome.Record, kept.Outcome);
        Assert.Null(kept.Record!.Value);
        Assert.Equal(PipelineOutcome.Dropped, dropped.Outcome);
        Assert.Equal(0, pipeline.ErrorHandler.Metrics.TotalRecordErrors);
    }

    [Fact]
    public async Task BadValue_WithToleranceAll_IsSentToTheDeadLetterQueue()
    {
        var dlq = new ListProducer();
        using var pipeline = Create(
            new()
            {
                ["errors.tolerance"] = "all",
                ["errors.deadletterqueue.topic.name"] = "dlq.orders",
                ["errors.deadletterqueue.context.headers.enable"] = "true",
                ["key.converter.schemas.enable"] = "false",
            },
            dlq);

        var result = await pipeline.ProcessAsync(TestRecords.Consumed(key: "{\"id\":1}", value: "{\"id\":"));
        var next = await pipeline.ProcessAsync(TestRecords.Consumed(key: "{\"id\":2}", value: "{\"schema\":null,\"payload\":{\"id\":2}}", offset: 43));

        Assert.Equal(PipelineOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorStage.ValueConverter, result.Error!.Stage);
        Assert.Equal(Json, result.Error.ExecutingClass);
        Assert.Equal(PipelineOutcome.Record, next.Outcome);
        var record = Assert.Single(dlq.Records);
        Assert.Equal("dlq.orders", record.Topic);
        Assert.Equal("{\"id\":", Encoding.UTF8.GetString(record.Value!));
        Assert.Equal("VALUE_CONVERTER", Header(record, "__connect.errors.stage"));
        Assert.Equal(Json, Header(record, "__connect.errors.class.name"));
        Assert.Equal("org.apache.kafka.connect.errors.DataException", Header(record, "__connect.errors.exception.class.name"));
        Assert.Equal("test-sink", Header(record, "__connect.errors.connector.name"));
        Assert.Equal(1, pipeline.ErrorHandler.Metrics.TotalRecordsSkipped);
    }

    [Fact]
    public async Task BadKey_FailsAtKeyConverter_AndSkipsTheValueConverter()
    {
        using var pipeline = Create(new() { ["errors.tolerance"] = "all" });

        var result = await pipeline.ProcessAsync(TestRecords.Consumed(key: "not json", value: "also not json"));

        Assert.Equal(ErrorStage.KeyConverter, result.Error!.Stage);
        Assert.Equal(1, pipeline.ErrorHandler.Metrics.TotalRecordErrors);
    }

    [Fact]
    public async Task FailingTransform_WithToleranceNone_StopsNamingTheTransformClass()
    {
        using var pipeline = Create(new()
        {
            ["value.converter.schemas.enable"] = "false",
            ["transforms"] = "p,cast",
            ["transforms.p.type"] = TestTransforms.Prefix,
            ["transforms.p.prefix"] = "x-",
            ["transforms.cast.type"] = TestTransforms.Fail,
        });

        var error = await Assert.ThrowsAsync<ToleranceExceededException>(() => pipeline.ProcessAsync(TestRecords.Consumed()).AsTask());

        Assert.Equal(ErrorStage.Transformation, error.Report!.Stage);
        Assert.Equal(TestTransforms.Fail, error.Report.ExecutingClass);
        Assert.Equal("orders", error.Report.ConsumedRecord!.Topic);
    }

    [Fact]
    public async Task RetriableTransformFailure_IsRetriedWithBackoff_ThenSucceeds()
    {
        var time = new RecordingTimeProvider();
        using var pipeline = Create(
            new()
            {
                ["value.converter.schemas.enable"] = "false",
                ["errors.retry.timeout"] = "-1",
                ["transforms"] = "flaky",
                ["transforms.flaky.type"] = TestTransforms.Flaky,
                ["transforms.flaky.failures"] = "3",
            },
            time: time);

        var run = pipeline.ProcessAsync(TestRecords.Consumed()).AsTask();
        var delays = await time.DriveAsync(run);

        Assert.Equal([300, 600, 1200], delays);
        Assert.Equal(PipelineOutcome.Record, (await run).Outcome);
        Assert.Equal(3, pipeline.ErrorHandler.Metrics.TotalRetries);
        Assert.Equal(0, pipeline.ErrorHandler.Metrics.TotalRecordErrors);
    }

    [Fact]
    public async Task FailAsync_ReportsAsAConverterFailure()
    {
        var dlq = new ListProducer();
        using var pipeline = Create(new() { ["errors.tolerance"] = "all", ["errors.deadletterqueue.topic.name"] = "dlq" }, dlq);

        var result = await pipeline.FailAsync(TestRecords.Consumed(), ErrorStage.KeyConverter, new DataException("line 3: bad JSON"));

        Assert.Equal(ErrorStage.KeyConverter, result.Error!.Stage);
        Assert.Equal(Json, result.Error.ExecutingClass);
        Assert.Single(dlq.Records);
    }

    [Fact]
    public async Task PutFailure_IsReportedAtTaskPut_WithTheSinkTaskClass()
    {
        var dlq = new ListProducer();
        using var pipeline = Create(
            new() { ["errors.tolerance"] = "all", ["errors.deadletterqueue.topic.name"] = "dlq", ["errors.deadletterqueue.context.headers.enable"] = "true" },
            dlq);

        await pipeline.ReportPutFailureAsync(TestRecords.Consumed(), "io.confluent.connect.elasticsearch.ElasticsearchSinkTask", new DataException("mapper_parsing_exception"));

        var record = Assert.Single(dlq.Records);
        Assert.Equal("TASK_PUT", Header(record, "__connect.errors.stage"));
        Assert.Equal("io.confluent.connect.elasticsearch.ElasticsearchSinkTask", Header(record, "__connect.errors.class.name"));
        Assert.Equal("mapper_parsing_exception", Header(record, "__connect.errors.exception.message"));
    }

    [Fact]
    public void UnknownTransformType_FailsToBuild()
    {
        var error = Assert.Throws<ConfigException>(() => Create(new() { ["transforms"] = "x", ["transforms.x.type"] = "nope" }));

        Assert.Equal("transforms.x.type", error.Key);
        Assert.Contains("Supported transformations: org.example.test.Drop, org.example.test.Fail, org.example.test.Flaky, org.example.test.Prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBuiltInType_NamesTheFullKey_AndTheSupportedTypes()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Create(new() { ["transforms"] = "route", ["transforms.route.type"] = "Nope" }, registry: TransformRegistry.Default));

        Assert.Equal("transforms.route.type", error.Key);
        Assert.StartsWith("Invalid value Nope for configuration transforms.route.type: Class Nope could not be found. Supported transformations: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsSettings_AreReadWithConnectDefaults()
    {
        var errors = SinkRecordPipeline.ReadErrorHandling(new Dictionary<string, string> { ["errors.retry.timeout"] = "-1" });

        Assert.Equal(new ErrorHandlingConfig(-1, 60000, ToleranceType.None, false, false, null, 3, false), errors);
    }

    private static string? Header(DeadLetterRecord record, string key) =>
        record.Headers.LastOrDefault(h => h.Key == key) is { Value: { } v } ? Encoding.UTF8.GetString(v) : null;

    [Fact]
    public async Task DefaultRegistry_RunsTheBuiltInTransforms_ReportingTheirJavaClass()
    {
        using var pipeline = Create(
            new()
            {
                ["value.converter.schemas.enable"] = "false",
                ["transforms"] = "route",
                ["transforms.route.type"] = "RegexRouter",
                ["transforms.route.regex"] = "(.*)",
                ["transforms.route.replacement"] = "prod-$1",
            },
            registry: TransformRegistry.Default);

        var result = await pipeline.ProcessAsync(TestRecords.Consumed());

        Assert.Equal("prod-orders", result.Record!.Topic);
        Assert.Equal("org.apache.kafka.connect.transforms.RegexRouter", Assert.Single(pipeline.Stages).ClassName);
    }

    private static SinkRecordPipeline Create(Dictionary<string, string> settings, IDeadLetterQueueProducer? dlq = null, TransformRegistry? registry = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = "test-sink",
            ["connector.class"] = "org.example.TestSink",
            ["topics"] = "orders",
            ["key.converter"] = Json,
            ["value.converter"] = Json,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var connector = ConnectorConfig.FromValues(values);
        var worker = WorkerConfig.FromValues(new Dictionary<string, string>());
        var merged = ConnectorConfigMerger.Merge(connector, worker);
        return SinkRecordPipeline.Create(merged, new SinkRecordPipelineOptions { Transforms = registry ?? TestTransforms.Registry, DeadLetterQueue = dlq, TimeProvider = time ?? TimeProvider.System });
    }

    private sealed class ListProducer : IDeadLetterQueueProducer
    {
        public List<DeadLetterRecord> Records { get; } = [];

        public ValueTask ProduceAsync(DeadLetterRecord record, CancellationToken cancellationToken = default)
        {
            Records.Add(record);
            return default;
        }
    }
}
