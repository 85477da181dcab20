using System.Text;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Runtime.Tests.Support;

namespace Serverless.Connect.Runtime.Tests.DeadLetterQueue;

public sealed class DeadLetterRecordBuilderTests
{
    private static ErrorReport Failure(Exception error) => new(
        TestRecords.Consumed(key: "k1", value: "{\"id\":", headers: new RawHeader("trace", Encoding.UTF8.GetBytes("abc"))),
        null,
        ErrorStage.Transformation,
        "org.apache.kafka.connect.transforms.Cast$Value",
        error,
        1);

    [Fact]
    public void WithContextHeaders_AppendsConnectsHeadersAfterTheOriginalOnes()
    {
        var builder = new DeadLetterRecordBuilder("dlq.orders", new ConnectorTaskId("es-sink", 3), contextHeaders: true);
        var error = Thrown(new DataException("Unknown field: price"));

        var record = builder.Build(Failure(error))!;

        Assert.Equal("dlq.orders", record.Topic);
        Assert.Equal("k1", Encoding.UTF8.GetString(record.Key!));
        Assert.Equal("{\"id\":", Encoding.UTF8.GetString(record.Value!));
        Assert.Equal(1700000000000, record.Timestamp);
        var headers = record.Headers.Select(h => (h.Key, Text: h.Value is null ? null : Encoding.UTF8.GetString(h.Value))).ToList();
        Assert.Equal(
            [
                ("trace", "abc"),
                ("__connect.errors.topic", "orders"),
                ("__connect.errors.partition", "2"),
                ("__connect.errors.offset", "42"),
                ("__connect.errors.connector.name", "es-sink"),
                ("__connect.errors.task.id", "3"),
                ("__connect.errors.stage", "TRANSFORMATION"),
                ("__connect.errors.class.name", "org.apache.kafka.connect.transforms.Cast$Value"),
                ("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"),
                ("__connect.errors.exception.message", "Unknown field: price"),
            ],
            headers.Take(10));
        var trace = headers[10];
        Assert.Equal("__connect.errors.exception.stacktrace", trace.Key);
        Assert.StartsWith("org.apache.kafka.connect.errors.DataException: Unknown field: price\n\tat ", trace.Text, StringComparison.Ordinal);
        Assert.Equal(11, headers.Count);
    }

    [Fact]
    public void WithoutContextHeaders_KeepsOnlyTheOriginalRecord()
    {
        var builder = new DeadLetterRecordBuilder("dlq", new ConnectorTaskId("c", 0), contextHeaders: false);

        var record = builder.Build(Failure(new DataException("x")))!;

        Assert.Equal("trace", Assert.Single(record.Headers).Key);
        Assert.Equal("k1", Encoding.UTF8.GetString(record.Key!));
    }

    [Fact]
    public void NoTimestamp_IsNotCopied()
    {
        var builder = new DeadLetterRecordBuilder("dlq", new ConnectorTaskId("c", 0), contextHeaders: false);
        var report = Failure(new DataException("x")) with { ConsumedRecord = TestRecords.Consumed(timestamp: -1) };

        Assert.Null(builder.Build(report)!.Timestamp);
    }

    [Fact]
    public void SourceFailures_HaveNoDeadLetterRecord()
    {
        var builder = new DeadLetterRecordBuilder("dlq", new ConnectorTaskId("c", 0), contextHeaders: true);
        var report = new ErrorReport(null, new Data.ConnectRecord("t", 0, null, null, null, null), ErrorStage.Transformation, "x", new DataException("x"), 1);

        Assert.Null(builder.Build(report));
    }

    [Fact]
    public void StackTrace_IncludesCauses()
    {
        var error = Thrown(new DataException("outer", Thrown(new FormatException("inner"))));

        var text = JavaStackTrace.Format(error);

        Assert.StartsWith("org.apache.kafka.connect.errors.DataException: outer\n", text, StringComparison.Ordinal);
        Assert.Contains("\nCaused by: java.lang.NumberFormatException: inner\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(ConnectException), "org.apache.kafka.connect.errors.ConnectException")]
    [InlineData(typeof(RetriableException), "org.apache.kafka.connect.errors.RetriableException")]
    [InlineData(typeof(SchemaBuilderException), "org.apache.kafka.connect.errors.SchemaBuilderException")]
    [InlineData(typeof(ConverterConfigException), "org.apache.kafka.common.config.ConfigException")]
    [InlineData(typeof(ArgumentException), "java.lang.IllegalArgumentException")]
    [InlineData(typeof(NullReferenceException), "java.lang.NullPointerException")]
    [InlineData(typeof(InvalidCastException), "java.lang.ClassCastException")]
    public void ExceptionNames_MapToJava(Type type, string expected) =>
        Assert.Equal(expected, JavaExceptionNames.Of((Exception)Activator.CreateInstance(type)!));

    [Fact]
    public void ExceptionNames_SubclassesUseNearestMappedBase()
    {
        Assert.Equal("org.apache.kafka.connect.errors.DataException", JavaExceptionNames.Of(new CustomDataException()));
        Assert.Equal(typeof(CustomException).FullName, JavaExceptionNames.Of(new CustomException()));
    }

    [Fact]
    public async Task Reporter_ProducesAndCountsFailures()
    {
        var metrics = new ErrorHandlingMetrics();
        var producer = new ListProducer();
        var reporter = new DeadLetterQueueReporter(new DeadLetterRecordBuilder("dlq", new ConnectorTaskId("c", 0), false), producer, metrics);

        await reporter.ReportAsync(Failure(new DataException("x")));
        producer.Fail = true;
        await reporter.ReportAsync(Failure(new DataException("y")));

        Assert.Single(producer.Records);
        Assert.Equal(2, metrics.DeadLetterQueueProduceRequests);
        Assert.Equal(1, metrics.DeadLetterQueueProduceFailures);
    }

    private static Exception Thrown(Exception error)
    {
        try
        {
            throw error;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private sealed class CustomDataException : DataException;

    private sealed class CustomException : Exception;

    private sealed class ListProducer : IDeadLetterQueueProducer
    {
        public List<DeadLetterRecord> Records { get; } = [];

        public bool Fail { get; set; }

        public ValueTask ProduceAsync(DeadLetterRecord record, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new IOException("broker down");
            }

            Records.Add(record);
            return default;
        }
    }
}
