using Microsoft.Extensions.Time.Testing;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sinks.S3.Tests;

public sealed class RotationTests
{
    private static readonly Schema Row = SchemaBuilder.Struct().Field("n", Schema.Int32Schema).Build();

    private static ConnectRecord At(long offset) => S3TestSupport.Record("idle", 0, offset, Row, new StructBuilder(Row).Put("n", (int)offset).Build());

    [Fact]
    public async Task Idle_partition_is_flushed_by_the_scheduled_rotation_from_preCommit_without_new_records()
    {
        await using var bucket = await TestBucket.CreateAsync("rot-idle");
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 10, 0, 30, TimeSpan.Zero));
        var config = S3TestSupport.Config(bucket, S3TestSupport.Parquet, 1000, ("rotate.schedule.interval.ms", "60000"), ("timezone", "UTC"));
        await using var task = S3TestSupport.Task(bucket, config, SinkHostKind.Standalone, time);
        var partition = new SinkPartition("idle", 0);
        await task.PutAsync([At(0), At(1), At(2)], CancellationToken.None);

        var early = await task.PreCommitAsync(new Dictionary<SinkPartition, long> { [partition] = 3 }, CancellationToken.None);
        Assert.False(early.ContainsKey(partition));
        Assert.Empty(await S3TestSupport.KeysAsync(bucket));

        // 10:01:00 is the next multiple of a minute: the open file is committed although no record arrived.
        time.Advance(TimeSpan.FromSeconds(31));
        var due = await task.PreCommitAsync(new Dictionary<SinkPartition, long> { [partition] = 3 }, CancellationToken.None);
        Assert.Equal(3, due[partition]);
        Assert.Equal(["topics/idle/partition=0/idle+0+0000000000.snappy.parquet"], await S3TestSupport.KeysAsync(bucket));
    }

    [Fact]
    public async Task Flush_size_counts_all_open_files_of_a_partition_and_rotation_commits_them_all()
    {
        await using var bucket = await TestBucket.CreateAsync("rot-flush");
        var schema = SchemaBuilder.Struct().Field("k", Schema.StringSchema).Build();
        var config = S3TestSupport.Config(bucket, S3TestSupport.Json, 3,
            ("partitioner.class", "io.confluent.connect.storage.partitioner.FieldPartitioner"), ("partition.field.name", "k"));
        await using var task = S3TestSupport.Task(bucket, config);
        ConnectRecord R(long o, string k) => S3TestSupport.Record("f", 0, o, schema, new StructBuilder(schema).Put("k", k).Build());
        await task.PutAsync([R(0, "a"), R(1, "b"), R(2, "a"), R(3, "b")], CancellationToken.None);
        Assert.Equal(["topics/f/k=a/f+0+0000000000.json", "topics/f/k=b/f+0+0000000001.json"], await S3TestSupport.KeysAsync(bucket));
        var committed = await task.PreCommitAsync(new Dictionary<SinkPartition, long> { [new("f", 0)] = 4 }, CancellationToken.None);
        Assert.Equal(3, committed[new("f", 0)]);
    }

    [Fact]
    public async Task Null_values_fail_or_are_skipped_as_configured()
    {
        await using var bucket = await TestBucket.CreateAsync("rot-null");
        await using (var failing = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, S3TestSupport.Json, 10)))
        {
            var outcome = Assert.Single(await failing.PutAsync([S3TestSupport.Record("n", 0, 5, null, null)], CancellationToken.None));
            Assert.Equal(SinkRecordStatus.Failed, outcome.Status);
            Assert.Contains("behavior.on.null.values", outcome.Error!.Message, StringComparison.Ordinal);
        }

        await using var ignoring = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, S3TestSupport.Json, 10, ("behavior.on.null.values", "ignore")));
        var skipped = Assert.Single(await ignoring.PutAsync([S3TestSupport.Record("n", 0, 5, null, null)], CancellationToken.None));
        Assert.Equal(SinkRecordStatus.Skipped, skipped.Status);
        Assert.Equal(6, (await ignoring.PreCommitAsync(new Dictionary<SinkPartition, long> { [new("n", 0)] = 6 }, CancellationToken.None))[new("n", 0)]);
    }
}
