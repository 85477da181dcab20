using System.Text;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Tests.Support;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Tests.Pipeline;

public sealed class SourceRecordPipelineTests
{
    [Fact]
    public async Task TransformsThenConverts()
    {
        using var pipeline = Create(new()
        {
            ["transforms"] = "p",
            ["transforms.p.type"] = TestTransforms.Prefix,
            ["transforms.p.prefix"] = "cdc.",
        });
        var record = new ConnectRecord("orders", null, Schema.StringSchema, "k", null, null, 1700000000000, ConnectHeaders.Empty.AddString("h", "v"));

        var result = await pipeline.ProcessAsync(record);

        Assert.Equal(PipelineOutcome.Record, result.Outcome);
        var produced = result.Record!;
        Assert.Equal("cdc.orders", produced.Topic);
        Assert.Equal("k", Encoding.UTF8.GetString(produced.Key!));
        Assert.Null(produced.Value);
        Assert.Equal(1700000000000, produced.Timestamp);
        Assert.Equal(("h", "v"), (produced.Headers[0].Key, Encoding.UTF8.GetString(produced.Headers[0].Value!)));
    }

    [Fact]
    public async Task FailingTransform_IsToleratedWithAll_AndHasNoDeadLetterQueue()
    {
        var reporter = new RecordingReporter();
        using var pipeline = Create(
            new()
            {
                ["errors.tolerance"] = "all",
                ["errors.deadletterqueue.topic.name"] = "ignored",
                ["transforms"] = "f",
                ["transforms.f.type"] = TestTransforms.Fail,
            },
            reporter);

        var result = await pipeline.ProcessAsync(new ConnectRecord("orders", null, null, null, null, "v"));

        Assert.Equal(PipelineOutcome.Failed, result.Outcome);
        var report = Assert.Single(reporter.Reports);
        Assert.Equal(ErrorStage.Transformation, report.Stage);
        Assert.Null(report.ConsumedRecord);
        Assert.Equal("orders", report.SourceRecord!.Topic);
        Assert.Null(pipeline.ErrorHandler.Config.DeadLetterQueueTopic);
    }

    [Fact]
    public async Task ConverterFailure_WithToleranceNone_Stops()
    {
        using var pipeline = Create(new());

        var error = await Assert.ThrowsAsync<ToleranceExceededException>(() =>
            pipeline.ProcessAsync(new ConnectRecord("orders", null, null, null, Schema.Int32Schema, "not an int")).AsTask());

        Assert.Equal(ErrorStage.ValueConverter, error.Report!.Stage);
    }

    private static SourceRecordPipeline Create(Dictionary<string, string> settings, IErrorReporter? reporter = null)
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = "src",
            ["connector.class"] = "org.example.Source",
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var merged = ConnectorConfigMerger.Merge(ConnectorConfig.FromValues(values), WorkerConfig.FromValues(new Dictionary<string, string>()));
        return SourceRecordPipeline.Create(merged, new SinkRecordPipelineOptions
        {
            Transforms = TestTransforms.Registry,
            Reporters = reporter is null ? [] : [reporter],
        });
    }
}
