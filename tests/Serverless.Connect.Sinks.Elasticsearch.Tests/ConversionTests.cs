using System.Text;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks.Elasticsearch.Internal;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class ConversionTests
{
    private static RecordConverter Converter(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string> { ["connection.url"] = "http://localhost:9200" };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        return new RecordConverter(ElasticsearchSinkOptions.FromConfig(config));
    }

    private static BulkOperation Op(RecordConverter converter, ConnectRecord record) =>
        converter.Convert(record, 0).Operation ?? throw new InvalidOperationException(converter.Convert(record, 0).Outcome!.Error!.Message);

    [Theory]
    [InlineData(42, "42")]
    [InlineData(-7L, "-7")]
    [InlineData((short)3, "3")]
    [InlineData("abc", "abc")]
    public void Integer_and_string_keys_become_ids(object key, string id)
    {
        var record = new ConnectRecord("t", 0, null, key, null, Records.Map(("a", 1L))) { KafkaOffset = 9 };

        Assert.Equal(id, Op(Converter(), record).Id);
    }

    [Theory]
    [InlineData(1.5, "Key is used as document id and can not be null.", false)]
    [InlineData(1.5, "FLOAT64 is not supported as the document id.", true)]
    [InlineData("", "Key is used as document id and can not be empty.", true)]
    public void Other_keys_are_data_errors(object key, string message, bool useKey)
    {
        var record = new ConnectRecord("t", 0, null, useKey ? key : null, null, Records.Map(("a", 1L))) { KafkaOffset = 9 };

        var outcome = Converter().Convert(record, 0).Outcome!;

        Assert.Equal(SinkRecordStatus.Failed, outcome.Status);
        Assert.Equal(message, outcome.Error!.Message);
    }

    [Fact]
    public void Coordinate_ids_print_a_missing_partition_as_java_does()
    {
        var record = new ConnectRecord("T", null, null, "k", null, Records.Map(("a", 1L))) { KafkaOffset = 4 };

        Assert.Equal("T+null+4", Op(Converter(("key.ignore", "true")), record).Id);
    }

    [Theory]
    [InlineData("Orders", "orders")]
    [InlineData("_private", "private")]
    [InlineData("-dash", "dash")]
    [InlineData(".", "dot")]
    [InlineData("..", "dotdot")]
    public void Index_names_follow_confluent(string topic, string index) => Assert.Equal(index, IndexNames.ForTopic(topic));

    [Fact]
    public void Data_stream_names_substitute_the_topic() =>
        Assert.Equal("metrics-cpu-host.a", IndexNames.ForDataStream(DataStreamType.Metrics, "cpu", "${topic}", "Host.A"));

    [Fact]
    public void With_schema_decimals_become_doubles_and_timestamps_epoch_millis()
    {
        var schema = SchemaBuilder.Struct()
            .Field("price", DecimalSchema.Create(2))
            .Field("at", TimestampSchema.Schema)
            .Field("tags", SchemaBuilder.Map(Schema.Int32Schema, Schema.StringSchema).Build())
            .Build();
        var value = new StructBuilder(schema)
            .Put("price", ConnectDecimal.Parse("12.34"))
            .Put("at", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000))
            .Put("tags", new Dictionary<object, object?> { [1] = "one" })
            .Build();
        var record = new ConnectRecord("t", 0, Schema.StringSchema, "k", schema, value) { KafkaOffset = 1 };

        var withSchema = Encoding.UTF8.GetString(Op(Converter(), record).Document.Span);
        var schemaless = Encoding.UTF8.GetString(Op(Converter(("schema.ignore", "true")), record).Document.Span);

        Assert.Equal("{\"price\":12.34,\"at\":1700000000000,\"tags\":[{\"key\":1,\"value\":\"one\"}]}", withSchema);
        Assert.Equal("{\"price\":\"BNI=\",\"at\":1700000000000,\"tags\":[[1,\"one\"]]}", schemaless);
    }

    [Fact]
    public void Non_compact_map_entries_write_string_keyed_maps_as_entries()
    {
        var schema = SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build();
        var record = new ConnectRecord("t", 0, Schema.StringSchema, "k", schema, new Dictionary<object, object?> { ["a"] = 1 }) { KafkaOffset = 1 };

        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(Op(Converter(), record).Document.Span));
        Assert.Equal("[{\"key\":\"a\",\"value\":1}]",
            Encoding.UTF8.GetString(Op(Converter(("compact.map.entries", "false")), record).Document.Span));
    }

    [Fact]
    public void Backoff_is_full_jitter_bounded_by_base_shifted_by_attempt()
    {
        var random = new Random(5);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var cap = 100 << attempt;
            for (var i = 0; i < 50; i++)
            {
                var delay = RetryBackoff.Compute(attempt, TimeSpan.FromMilliseconds(100), random);
                Assert.InRange(delay.TotalMilliseconds, 0, cap);
            }
        }

        Assert.Equal(TimeSpan.Zero, RetryBackoff.Compute(3, TimeSpan.Zero, random));
        Assert.InRange(RetryBackoff.Compute(200, TimeSpan.FromMilliseconds(100), random), TimeSpan.Zero, TimeSpan.FromHours(24));
    }
}
