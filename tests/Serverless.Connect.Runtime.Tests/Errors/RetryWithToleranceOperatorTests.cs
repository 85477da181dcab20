using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Tests.Support;

namespace Serverless.Connect.Runtime.Tests.Errors;

public sealed class RetryWithToleranceOperatorTests
{
    private const string Transform = "org.apache.kafka.connect.transforms.Cast$Value";

    [Fact]
    public async Task Success_ReturnsResult_WithoutMetrics()
    {
        var op = new RetryWithToleranceOperator(Configs.Errors());
        var context = new ProcessingContext(TestRecords.Consumed());

        var result = await op.ExecuteAsync(context, ErrorStage.Transformation, Transform, "x", static s => s + "y");

        Assert.Equal("xy", result);
        Assert.False(context.Failed);
        Assert.Equal(1, context.Attempts);
        Assert.Equal(0, op.Metrics.TotalRecordFailures);
        Assert.Equal(0, op.TotalFailures);
    }

    [Fact]
    public async Task RetriableWithZeroTimeout_DoesNotRetry_AndIsSkippedWithToleranceAll()
    {
        var reporter = new RecordingReporter();
        var time = new RecordingTimeProvider();
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All), [reporter], timeProvider: time);
        var context = new ProcessingContext(TestRecords.Consumed());
        var calls = 0;

        var result = await op.ExecuteAsync<int, string>(context, ErrorStage.TaskPut, "sink", 0, _ =>
        {
            calls++;
            throw new RetriableException("busy");
        });

        Assert.Null(result);
        Assert.Equal(1, calls);
        Assert.True(context.Failed);
        Assert.Equal(1, context.Attempts);
        Assert.Equal(1, op.Metrics.TotalRecordFailures);
        Assert.Equal(0, op.Metrics.TotalRetries);
        Assert.Equal(1, op.Metrics.TotalRecordErrors);
        Assert.Equal(1, op.Metrics.TotalRecordsSkipped);
        var report = Assert.Single(reporter.Reports);
        Assert.Equal(ErrorStage.TaskPut, report.Stage);
        Assert.IsType<RetriableException>(report.Error);
    }

    [Fact]
    public async Task RetriableUntilTimeout_BacksOffExponentially_BoundedByDeadline()
    {
        var reporter = new RecordingReporter();
        var time = new RecordingTimeProvider();
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All, retryTimeoutMs: 10000), [reporter], timeProvider: time);
        var context = new ProcessingContext(TestRecords.Consumed());
        var calls = 0;

        var run = op.ExecuteAsync<int, string>(context, ErrorStage.ValueConverter, "conv", 0, _ =>
        {
            calls++;
            throw new RetriableException("busy");
        }).AsTask();
        var delays = await time.DriveAsync(run);

        Assert.Equal([300, 600, 1200, 2400, 4800, 700], delays);
        Assert.Null(await run);
        Assert.Equal(7, calls);
        Assert.Equal(7, context.Attempts);
        Assert.Equal(7, op.Metrics.TotalRecordFailures);
        Assert.Equal(6, op.Metrics.TotalRetries);
        Assert.Equal(1, op.Metrics.TotalRecordsSkipped);
        Assert.Equal(1, op.Metrics.TotalRecordErrors);
        Assert.Equal(7, Assert.Single(reporter.Reports).Attempts);
    }

    [Fact]
    public async Task InfiniteTimeout_RetriesUntilSuccess_WithDelaysCappedByMaxDelay()
    {
        var time = new RecordingTimeProvider();
        var op = new RetryWithToleranceOperator(
            Configs.Errors(ToleranceType.None, retryTimeoutMs: -1, retryDelayMaxMs: 1000), null, null, time, null, jitter: max => max - 1);
        var context = new ProcessingContext(TestRecords.Consumed());
        var calls = 0;

        var run = op.ExecuteAsync<int, string>(context, ErrorStage.Transformation, Transform, 0, _ =>
            ++calls < 6 ? throw new RetriableException("busy") : "done").AsTask();
        var delays = await time.DriveAsync(run);

        Assert.Equal([300, 600, 999, 999, 999], delays);
        Assert.Equal("done", await run);
        Assert.Equal(6, context.Attempts);
        Assert.False(context.Failed);
        Assert.Equal(5, op.Metrics.TotalRetries);
        Assert.Equal(0, op.TotalFailures);
    }

    [Fact]
    public void Backoff_DoublesFrom300()
    {
        var op = new RetryWithToleranceOperator(Configs.Errors(retryTimeoutMs: -1, retryDelayMaxMs: 100000), null, null, null, null, jitter: _ => 7);

        Assert.Equal(300, op.ComputeBackoff(1, 0, long.MaxValue));
        Assert.Equal(600, op.ComputeBackoff(2, 0, long.MaxValue));
        Assert.Equal(76800, op.ComputeBackoff(9, 0, long.MaxValue));
        Assert.Equal(7, op.ComputeBackoff(10, 0, long.MaxValue));
        Assert.Equal(7, op.ComputeBackoff(80, 0, long.MaxValue));
        Assert.Equal(50, op.ComputeBackoff(3, 950, 1000));
        Assert.Equal(0, op.ComputeBackoff(3, 1200, 1000));
    }

    [Fact]
    public async Task RetriableExhausted_WithToleranceNone_FailsTheTask()
    {
        var reporter = new RecordingReporter();
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.None), [reporter]);
        var context = new ProcessingContext(TestRecords.Consumed());

        var error = await Assert.ThrowsAsync<ToleranceExceededException>(() =>
            op.ExecuteAsync<int, string>(context, ErrorStage.KeyConverter, "conv", 0, _ => throw new RetriableException("busy")).AsTask());

        Assert.StartsWith(ToleranceExceededException.ExceededMessage, error.Message, StringComparison.Ordinal);
        Assert.Single(reporter.Reports);
    }

    [Fact]
    public async Task NonRetriable_WithToleranceNone_StopsAndReports()
    {
        var reporter = new RecordingReporter();
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.None, retryTimeoutMs: 60000), [reporter]);
        var context = new ProcessingContext(TestRecords.Consumed());
        var calls = 0;

        var error = await Assert.ThrowsAsync<ToleranceExceededException>(() =>
            op.ExecuteAsync<int, string>(context, ErrorStage.Transformation, Transform, 0, _ =>
            {
                calls++;
                throw new DataException("bad field");
            }).AsTask());

        Assert.Equal(1, calls);
        Assert.Equal("Tolerance exceeded in error handler [topic=orders, partition=2, offset=42]", error.Message);
        Assert.IsType<DataException>(error.InnerException);
        Assert.Equal(ErrorStage.Transformation, error.Report!.Stage);
        Assert.Equal(Transform, error.Report.ExecutingClass);
        Assert.Single(reporter.Reports);
        Assert.Equal(1, op.Metrics.TotalRecordErrors);
        Assert.Equal(0, op.Metrics.TotalRecordsSkipped);
        Assert.False(op.WithinToleranceLimits());
    }

    [Fact]
    public async Task NonRetriable_WithToleranceAll_SkipsAndContinues()
    {
        var reporter = new RecordingReporter();
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All), [reporter]);

        for (var i = 0; i < 3; i++)
        {
            var context = new ProcessingContext(TestRecords.Consumed(offset: i));
            var result = await op.ExecuteAsync<int, string>(context, ErrorStage.ValueConverter, "conv", i, _ => throw new DataException("bad"));
            Assert.Null(result);
            Assert.True(context.Failed);
        }

        var ok = await op.ExecuteAsync(new ProcessingContext(TestRecords.Consumed()), ErrorStage.ValueConverter, "conv", 1, static i => i.ToString());

        Assert.Equal("1", ok);
        Assert.Equal(3, op.TotalFailures);
        Assert.Equal(3, op.Metrics.TotalRecordsSkipped);
        Assert.Equal(3, op.Metrics.TotalRecordErrors);
        Assert.Equal([0L, 1L, 2L], reporter.Reports.Select(r => r.ConsumedRecord!.Offset));
        Assert.True(op.WithinToleranceLimits());
    }

    [Theory]
    [InlineData(ErrorStage.TaskPut)]
    [InlineData(ErrorStage.Producer)]
    [InlineData(ErrorStage.Consumer)]
    public async Task NonRetriable_OutsideConvertersAndTransforms_IsUnhandledEvenWithToleranceAll(ErrorStage stage)
    {
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All));
        var context = new ProcessingContext(TestRecords.Consumed());

        var error = await Assert.ThrowsAsync<ToleranceExceededException>(() =>
            op.ExecuteAsync<int, string>(context, stage, "task", 0, _ => throw new InvalidOperationException("boom")).AsTask());

        Assert.StartsWith(ToleranceExceededException.UnhandledMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedContext_SkipsLaterOperations()
    {
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All));
        var context = new ProcessingContext(TestRecords.Consumed());
        await op.ExecuteAsync<int, string>(context, ErrorStage.KeyConverter, "k", 0, _ => throw new DataException("bad key"));
        var ran = false;

        var result = await op.ExecuteAsync<int, string>(context, ErrorStage.ValueConverter, "v", 0, _ =>
        {
            ran = true;
            return "v";
        });

        Assert.Null(result);
        Assert.False(ran);
        Assert.Equal(ErrorStage.KeyConverter, context.Report!.Stage);
        Assert.Equal(1, op.Metrics.TotalRecordErrors);
    }

    [Fact]
    public async Task Cancellation_DuringBackoff_StopsWithoutReporting()
    {
        var reporter = new RecordingReporter();
        var time = new RecordingTimeProvider();
        var op = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All, retryTimeoutMs: -1), [reporter], timeProvider: time);
        using var stop = new CancellationTokenSource();

        var run = op.ExecuteAsync<int, string>(new ProcessingContext(TestRecords.Consumed()), ErrorStage.Transformation, Transform, 0, _ =>
            throw new RetriableException("busy"), stop.Token).AsTask();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(reporter.Reports);
    }

    [Fact]
    public async Task ExecuteFailed_ReportsAndAppliesTolerance()
    {
        var reporter = new RecordingReporter();
        var all = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.All), [reporter]);
        var none = new RetryWithToleranceOperator(Configs.Errors(ToleranceType.None), [reporter]);

        await all.ExecuteFailedAsync(new ProcessingContext(TestRecords.Consumed()), ErrorStage.TaskPut, "sink", new DataException("rejected"));
        await Assert.ThrowsAsync<ToleranceExceededException>(() =>
            none.ExecuteFailedAsync(new ProcessingContext(TestRecords.Consumed()), ErrorStage.TaskPut, "sink", new DataException("rejected")).AsTask());

        Assert.Equal(2, reporter.Reports.Count);
        Assert.All(reporter.Reports, r => Assert.Equal(ErrorStage.TaskPut, r.Stage));
    }

    [Fact]
    public void StageNames_AreConnects()
    {
        Assert.Equal(
            ["KEY_CONVERTER", "VALUE_CONVERTER", "HEADER_CONVERTER", "TRANSFORMATION", "TASK_PUT", "TASK_POLL", "KAFKA_PRODUCE", "KAFKA_CONSUME"],
            Enum.GetValues<ErrorStage>().Select(s => s.ToConnectName()));
    }
}
