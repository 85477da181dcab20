using System.IO.Compression;
using System.Text;
using Avro.File;
using Avro.Generic;
using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sinks.S3.Tests;

public sealed class KeyLayoutTests
{
    // 2024-05-01T13:20:00Z and 2024-05-02T01:10:00Z.
    private const long T1 = 1_714_569_600_000;
    private const long T2 = 1_714_612_200_000;

    private static readonly Schema Event = SchemaBuilder.Struct().Name("Event")
        .Field("region", Schema.StringSchema)
        .Field("shard", Schema.Int32Schema)
        .Field("at", TimestampSchema.Schema)
        .Build();

    private static ConnectRecord EventRecord(long offset, string region, long at, int partition = 0) =>
        S3TestSupport.Record("events", partition, offset, Event,
            new StructBuilder(Event).Put("region", region).Put("shard", 7).Put("at", DateTimeOffset.FromUnixTimeMilliseconds(at)).Build(), at);

    private static async Task<List<string>> WriteAsync(TestBucket bucket, string format, int flushSize, (string, string)[] extra, params ConnectRecord[] records)
    {
        await using var task = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, format, flushSize, extra));
        var outcomes = await task.PutAsync(records, CancellationToken.None);
        Assert.All(outcomes, o => Assert.Equal(Sinks.SinkRecordStatus.Written, o.Status));
        return await S3TestSupport.KeysAsync(bucket);
    }

    [Fact]
    public async Task DefaultPartitioner_keys_use_the_kafka_partition_and_zero_padded_start_offset()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Parquet, 2, [],
            EventRecord(41, "eu", T1, 3), EventRecord(42, "eu", T1, 3), EventRecord(43, "us", T1, 3), EventRecord(44, "us", T1, 3));
        Assert.Equal(["topics/events/partition=3/events+3+0000000041.snappy.parquet", "topics/events/partition=3/events+3+0000000043.snappy.parquet"], keys);
    }

    [Fact]
    public async Task FieldPartitioner_and_custom_delimiters_topics_dir_and_padding()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Json, 3,
            [("partitioner.class", "io.confluent.connect.storage.partitioner.FieldPartitioner"), ("partition.field.name", "region,shard"),
             ("topics.dir", "lake"), ("file.delim", "_"), ("filename.offset.zero.pad.width", "4")],
            EventRecord(5, "eu", T1), EventRecord(6, "us", T1), EventRecord(7, "eu", T1));
        Assert.Equal(["lake/events/region=eu/shard=7/events_0_0005.json", "lake/events/region=us/shard=7/events_0_0006.json"], keys);
    }

    [Fact]
    public async Task HourlyPartitioner_places_records_in_the_hour_of_their_field_timestamp()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Parquet, 2,
            [("partitioner.class", "io.confluent.connect.storage.partitioner.HourlyPartitioner"), ("locale", "en-US"), ("timezone", "UTC"),
             ("timestamp.extractor", "RecordField"), ("timestamp.field", "at")],
            EventRecord(0, "eu", T1), EventRecord(1, "eu", T2));
        Assert.Equal([
            "topics/events/year=2024/month=05/day=01/hour=13/events+0+0000000000.snappy.parquet",
            "topics/events/year=2024/month=05/day=02/hour=01/events+0+0000000001.snappy.parquet"], keys);
    }

    [Fact]
    public async Task DailyPartitioner_uses_the_configured_timezone_and_the_record_timestamp()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Parquet, 2,
            [("partitioner.class", "io.confluent.connect.storage.partitioner.DailyPartitioner"), ("locale", "en-US"),
             ("timezone", "America/New_York"), ("timestamp.extractor", "Record")],
            EventRecord(0, "eu", T1), EventRecord(1, "eu", T2));

        // 01:10 UTC on May 2 is still May 1 in New York.
        Assert.Equal(["topics/events/year=2024/month=05/day=01/events+0+0000000000.snappy.parquet"], keys);
    }

    [Fact]
    public async Task TimeBasedPartitioner_path_format_with_Joda_YYYY_and_duration()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Avro, 1,
            [("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"), ("locale", "en"), ("timezone", "UTC"),
             ("path.format", "'dt'=YYYY-MM-dd/'h'=HH/"), ("partition.duration.ms", "7200000"), ("timestamp.extractor", "RecordField"), ("timestamp.field", "at")],
            EventRecord(9, "eu", T1));

        // 13:20 falls in the two-hour bucket starting at 12:00; the trailing delimiter of path.format is trimmed.
        Assert.Equal(["topics/events/dt=2024-05-01/h=12/events+0+0000000009.avro"], keys);
    }

    [Fact]
    public async Task Json_gzip_objects_hold_one_value_per_line()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Json, 2, [("s3.compression.type", "gzip")], EventRecord(0, "eu", T1), EventRecord(1, "us", T1));
        Assert.Equal(["topics/events/partition=0/events+0+0000000000.json.gz"], keys);
        using var gzip = new GZipStream(new MemoryStream(await S3TestSupport.GetAsync(bucket, keys[0])), CompressionMode.Decompress);
        var text = await new StreamReader(gzip, Encoding.UTF8).ReadToEndAsync();
        Assert.Equal($"{{\"region\":\"eu\",\"shard\":7,\"at\":{T1}}}\n{{\"region\":\"us\",\"shard\":7,\"at\":{T1}}}\n", text);
    }

    [Fact]
    public async Task Schemaless_values_are_written_as_JSON()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var map = ConnectMap.Create([new KeyValuePair<object, object?>("k", "v"), new KeyValuePair<object, object?>("n", 1L)]);
        var keys = await WriteAsync(bucket, S3TestSupport.Json, 1, [], S3TestSupport.Record("logs", 1, 3, null, map));
        Assert.Equal(["topics/logs/partition=1/logs+1+0000000003.json"], keys);
        Assert.Equal("{\"k\":\"v\",\"n\":1}\n", Encoding.UTF8.GetString(await S3TestSupport.GetAsync(bucket, keys[0])));
    }

    [Fact]
    public async Task Avro_container_files_are_read_by_Apache_Avro_with_logical_types()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var keys = await WriteAsync(bucket, S3TestSupport.Avro, 3, [("avro.codec", "deflate")],
            EventRecord(0, "eu", T1), EventRecord(1, "us", T2), EventRecord(2, "eu", T2));
        var content = await S3TestSupport.GetAsync(bucket, Assert.Single(keys));
        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(content));
        Assert.Equal("deflate", reader.GetMetaString("avro.codec"));
        Assert.Contains("timestamp-millis", reader.GetSchema().ToString(), StringComparison.Ordinal);
        var rows = reader.NextEntries.ToList();
        Assert.Equal(["eu", "us", "eu"], rows.Select(r => (string)r["region"]).ToArray());
        Assert.Equal(new DateTime(2024, 5, 2, 1, 10, 0, DateTimeKind.Utc), ((DateTime)rows[1]["at"]).ToUniversalTime());
    }
}
