using Serverless.Connect.Sinks;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>The redelivery and crash matrix: every record in exactly one object, whatever the host does.</summary>
public sealed class ExactlyOnceTests(ITestOutputHelper output)
{
    private static (string, string)[] Hourly =>
    [
        ("partitioner.class", "io.confluent.connect.storage.partitioner.HourlyPartitioner"), ("locale", "en-US"), ("timezone", "UTC"),
        ("timestamp.extractor", "RecordField"), ("timestamp.field", "at"), ("parquet.row.group.records", "100"),
    ];

    [Theory]
    [InlineData(SinkHostKind.FunctionsTrigger, 11)]
    [InlineData(SinkHostKind.FunctionsTrigger, 13)]
    [InlineData(SinkHostKind.Standalone, 12)]
    [InlineData(SinkHostKind.Standalone, 14)]
    public async Task Hourly_RecordField_Parquet_20000_records_with_crashes_cancelled_puts_lost_commits_and_shifted_batches(SinkHostKind host, int seed)
    {
        await using var bucket = await TestBucket.CreateAsync($"eo-hourly-{host}-{seed}");
        var config = S3TestSupport.Config(bucket, S3TestSupport.Parquet, 500, Hourly);
        var harness = new RedeliveryHarness(bucket, config, host, seed) { Partitions = 4, PerPartition = 5000 };
        await harness.RunAsync();
        output.WriteLine(RedeliveryHarness.Describe(harness));
        Assert.True(harness.Crashes + harness.Cancellations > 3, "the run should include crashes");

        var rows = await harness.ReadBackAsync();
        Assert.Equal(20_000, rows.Count(r => r.O < 5000));
        harness.AssertExactlyOnce(rows, 500, hourFolders: true);
    }

    [Theory]
    [InlineData(SinkHostKind.FunctionsTrigger, 21)]
    [InlineData(SinkHostKind.FunctionsTrigger, 23)]
    [InlineData(SinkHostKind.Standalone, 22)]
    public async Task Default_partitioner_with_record_time_rotation_survives_the_same_matrix(SinkHostKind host, int seed)
    {
        await using var bucket = await TestBucket.CreateAsync($"eo-default-{host}-{seed}");
        var config = S3TestSupport.Config(bucket, S3TestSupport.Parquet, 300, ("rotate.interval.ms", "600000"));
        var harness = new RedeliveryHarness(bucket, config, host, seed) { Partitions = 2, PerPartition = 3000, Extra = 300 };
        await harness.RunAsync();
        output.WriteLine(RedeliveryHarness.Describe(harness));
        var rows = await harness.ReadBackAsync();
        harness.AssertExactlyOnce(rows, 300, hourFolders: false);
    }

    [Fact]
    public async Task Task_abandoned_mid_multipart_upload_is_resumed_by_a_new_instance_from_the_staged_records()
    {
        await using var bucket = await TestBucket.CreateAsync("eo-multipart");
        var config = S3TestSupport.Config(bucket, S3TestSupport.Json, 600, ("s3.part.size", "5242880"));
        var payload = new string('x', 20_000);
        var schema = Data.SchemaBuilder.Struct().Field("o", Data.Schema.Int64Schema).Field("pad", Data.Schema.StringSchema).Build();
        Data.ConnectRecord At(long o) => S3TestSupport.Record("big", 0, o, schema, new Data.StructBuilder(schema).Put("o", o).Put("pad", payload).Build());

        // First instance: 400 records (about 8 MB) - one 5 MiB part is uploaded, the upload stays open; then it dies.
        var first = S3TestSupport.Task(bucket, config, SinkHostKind.FunctionsTrigger);
        var outcomes = await first.PutAsync(Enumerable.Range(0, 400).Select(i => At(i)).ToList(), CancellationToken.None);
        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Equal(1, first.OpenFileCount);
        Assert.Empty(await S3TestSupport.KeysAsync(bucket, "topics/"));

        // A new instance gets an overlapping redelivery (300..599), as after a lost commit.
        await using (var second = S3TestSupport.Task(bucket, config, SinkHostKind.FunctionsTrigger))
        {
            outcomes = await second.PutAsync(Enumerable.Range(300, 300).Select(i => At(i)).ToList(), CancellationToken.None);
            Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        }

        var key = Assert.Single(await S3TestSupport.KeysAsync(bucket, "topics/"));
        Assert.Equal("topics/big/partition=0/big+0+0000000000.json", key);
        var lines = System.Text.Encoding.UTF8.GetString(await S3TestSupport.GetAsync(bucket, key)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 600).Select(i => (long)i), lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("o").GetInt64()));
        Assert.True(lines.Length * 20_000 > 2 * 5_242_880, "the object must have been a multipart upload of several parts");
    }
}
