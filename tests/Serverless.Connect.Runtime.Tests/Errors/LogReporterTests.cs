using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Runtime.Tests.Support;

namespace Serverless.Connect.Runtime.Tests.Errors;

public sealed class LogReporterTests
{
    private static readonly ErrorReport s_report = new(
        TestRecords.Consumed(), null, ErrorStage.ValueConverter, "org.apache.kafka.connect.json.JsonConverter", new DataException("bad"), 1);

    [Fact]
    public async Task Enabled_LogsConnectsText_WithoutRecordByDefault()
    {
        var logger = new ListLogger();
        var metrics = new ErrorHandlingMetrics();
        var reporter = new LogReporter(new ConnectorTaskId("es-sink", 1), Configs.Errors(log: true), metrics, logger);

        await reporter.ReportAsync(s_report);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(
            "Error encountered in task es-sink-1. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter'.",
            entry.Message);
        Assert.Same(s_report.Error, entry.Error);
        Assert.Equal(1, metrics.TotalErrorsLogged);
    }

    [Fact]
    public async Task IncludeMessages_AddsConsumedRecordCoordinates()
    {
        var logger = new ListLogger();
        var reporter = new LogReporter(new ConnectorTaskId("es-sink", 0), Configs.Errors(log: true, logMessages: true), new ErrorHandlingMetrics(), logger);

        await reporter.ReportAsync(s_report);

        Assert.Equal(
            "Error encountered in task es-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter', " +
            "where consumed record is {topic='orders', partition=2, offset=42, timestamp=1700000000000, timestampType=CreateTime}.",
            Assert.Single(logger.Entries).Message);
    }

    [Fact]
    public void IncludeMessages_WithoutTimestamp_OmitsIt()
    {
        var report = s_report with { ConsumedRecord = new ConsumedRecord("t", 0, 7, null, null, null) };

        Assert.Equal(
            "Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter', where consumed record is {topic='t', partition=0, offset=7}.",
            report.Describe(includeMessage: true));
        Assert.Equal(TimestampType.NoTimestampType, report.ConsumedRecord!.TimestampType);
    }

    [Fact]
    public async Task Disabled_LogsNothing()
    {
        var logger = new ListLogger();
        var metrics = new ErrorHandlingMetrics();
        var reporter = new LogReporter(new ConnectorTaskId("c", 0), Configs.Errors(ToleranceType.All), metrics, logger);

        await reporter.ReportAsync(s_report);

        Assert.Empty(logger.Entries);
        Assert.Equal(0, metrics.TotalErrorsLogged);
    }
}
