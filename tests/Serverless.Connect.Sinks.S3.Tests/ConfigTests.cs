using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sinks.S3.Tests;

public sealed class ConfigTests
{
    private static Dictionary<string, string> Base(params (string Key, string Value)[] extra)
    {
        var config = new Dictionary<string, string>
        {
            ["s3.bucket.name"] = "b",
            ["storage.class"] = "io.confluent.connect.s3.storage.S3Storage",
            ["format.class"] = "io.confluent.connect.s3.format.parquet.ParquetFormat",
            ["flush.size"] = "1000",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }

        return config;
    }

    private static string Error(params (string, string)[] extra) =>
        Assert.Throws<ConfigValidationException>(() => S3SinkOptions.FromConfig(Base(extra))).Message;

    [Fact]
    public void Defaults_follow_Confluent()
    {
        var o = S3SinkOptions.FromConfig(Base());
        Assert.Equal("us-west-2", o.Region);
        Assert.True(o.PathStyleAccess);
        Assert.Equal(26_214_400, o.PartSize);
        Assert.Equal("snappy", o.ParquetCodec);
        Assert.Equal("topics", o.TopicsDir);
        Assert.Equal("/", o.DirectoryDelim);
        Assert.Equal("+", o.FileDelim);
        Assert.Equal(10, o.FilenameOffsetZeroPadWidth);
        Assert.Equal(PartitionerKind.Default, o.Partitioner);
        Assert.Equal(TimestampExtractorKind.Wallclock, o.TimestampExtractor);
        Assert.Equal(NullValueBehavior.Fail, o.BehaviorOnNullValues);
        Assert.Equal(SchemaCompatibility.None, o.SchemaCompatibility);
        Assert.Equal(-1, o.RotateIntervalMs);
        Assert.True(o.IsDeterministic);
    }

    [Fact]
    public void Required_keys_are_named()
    {
        var config = Base();
        config.Remove("flush.size");
        Assert.Contains("flush.size", Assert.Throws<ConfigValidationException>(() => S3SinkOptions.FromConfig(config)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_based_partitioners_need_locale_timezone_and_path_format()
    {
        var message = Error(("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"));
        Assert.Contains("Path format cannot be empty.", message, StringComparison.Ordinal);
        Assert.Contains("Locale cannot be empty.", message, StringComparison.Ordinal);
        Assert.Contains("Timezone cannot be empty.", message, StringComparison.Ordinal);
        Assert.Contains("Partition duration needs to be a positive.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", 3_600_000)]
    [InlineData("'dt'=YYYY-MM-dd", 86_400_000)]
    [InlineData("YYYY/MM/dd/HH/mm", 60_000)]
    public void An_unset_partition_duration_is_the_finest_field_of_the_path_format(string pathFormat, long expected)
    {
        // The design seed's S3 example: TimeBasedPartitioner with an hourly path and no partition.duration.ms.
        var o = S3SinkOptions.FromConfig(Base(("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"),
            ("locale", "en-US"), ("timezone", "UTC"), ("path.format", pathFormat)));
        Assert.Equal(expected, o.PartitionDurationMs);
        Assert.True(o.PartitionDurationInferred);
    }

    [Fact]
    public void An_unset_partition_duration_with_a_monthly_path_is_an_error()
    {
        var message = Error(("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"),
            ("locale", "en-US"), ("timezone", "UTC"), ("path.format", "'year'=YYYY/'month'=MM"));
        Assert.Contains("partition.duration.ms", message, StringComparison.Ordinal);
        Assert.Contains("Partition duration needs to be a positive.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_partition_duration_is_kept()
    {
        var o = S3SinkOptions.FromConfig(Base(("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"),
            ("locale", "en-US"), ("timezone", "UTC"), ("path.format", "'hour'=HH"), ("partition.duration.ms", "7200000")));
        Assert.Equal(7_200_000, o.PartitionDurationMs);
        Assert.False(o.PartitionDurationInferred);
    }

    [Fact]
    public void Hourly_overrides_path_format_and_duration()
    {
        var o = S3SinkOptions.FromConfig(Base(("partitioner.class", "io.confluent.connect.storage.partitioner.HourlyPartitioner"),
            ("locale", "en_US"), ("timezone", "UTC"), ("path.format", "ignored"), ("timestamp.extractor", "RecordField"), ("timestamp.field", "ts")));
        Assert.Equal("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", o.PathFormat);
        Assert.Equal(3_600_000, o.PartitionDurationMs);
        Assert.True(o.IsDeterministic);
    }

    [Fact]
    public void Scheduled_rotation_needs_a_timezone_and_is_not_deterministic()
    {
        Assert.Contains("timezone configuration must be set when using rotate.schedule.interval.ms",
            Error(("rotate.schedule.interval.ms", "60000")), StringComparison.Ordinal);
        Assert.False(S3SinkOptions.FromConfig(Base(("rotate.schedule.interval.ms", "60000"), ("timezone", "UTC"))).IsDeterministic);
    }

    [Fact]
    public void Gzip_is_only_for_json_and_bytearray()
    {
        Assert.Contains("gzip compression is only supported with JsonFormat and ByteArrayFormat", Error(("s3.compression.type", "gzip")), StringComparison.Ordinal);
        Assert.True(S3SinkOptions.FromConfig(Base(("s3.compression.type", "gzip"), ("format.class", "io.confluent.connect.s3.format.json.JsonFormat"))).Gzip);
    }

    [Theory]
    [InlineData("store.kafka.keys", "true")]
    [InlineData("behavior.on.null.values", "write")]
    [InlineData("parquet.codec", "lzo")]
    [InlineData("s3.sse.customer.key", "x")]
    public void Unsupported_settings_are_refused_by_name(string key, string value) =>
        Assert.Contains($"'{key}'", Error((key, value)), StringComparison.Ordinal);

    [Fact]
    public void Bad_values_name_their_key()
    {
        Assert.Contains("s3.part.size", Error(("s3.part.size", "1024")), StringComparison.Ordinal);
        Assert.Contains("partitioner.class", Error(("partitioner.class", "com.example.Custom")), StringComparison.Ordinal);
        Assert.Contains("timezone", Error(("timezone", "Mars/Olympus")), StringComparison.Ordinal);
        Assert.Contains("storage.class", Error(("storage.class", "x.Y")), StringComparison.Ordinal);
    }

    [Fact]
    public void Store_url_without_scheme_gets_https()
    {
        Assert.Equal(new Uri("https://minio.local:9000/"), S3SinkOptions.FromConfig(Base(("store.url", "minio.local:9000"))).StoreUrl);
    }
}
