using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;
using Serverless.Connect.TestUtilities.FaultProxy;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>
/// A retriable S3 failure in the standalone host keeps the partition's open files: the failed step (a PUT, a part, the
/// completion) is retried after <c>retry.backoff.ms</c>, records not yet accepted come back Retriable, nothing is
/// committed in between, and nothing that already reached S3 is sent again.
/// </summary>
public sealed class S3FailureResumeTests
{
    private static readonly Schema Row = SchemaBuilder.Struct().Field("n", Schema.Int32Schema).Field("pad", Schema.StringSchema).Build();
    private static readonly SinkPartition Partition = new("resume", 0);

    [Fact]
    public async Task A_503_on_the_rotation_PUT_defers_the_rest_and_the_same_Parquet_file_is_uploaded_after_the_backoff()
    {
        await using var bucket = await TestBucket.CreateAsync("resume-put");
        await using var proxy = HttpFaultProxy.Start(LocalServices.Current.S3Endpoint);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var task = CreateTask(bucket, proxy, S3TestSupport.Parquet, 100, time);
        await task.OpenAsync([Partition], CancellationToken.None);
        proxy.Inject(ProxyFault.SlowDown, applies: line => line.StartsWith("PUT ", StringComparison.Ordinal));

        var first = await task.PutAsync(Records(0, 150, 10), CancellationToken.None);
        Assert.All(first.Take(100), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.All(first.Skip(100), o => Assert.Equal(SinkRecordStatus.Retriable, o.Status));
        Assert.Contains("SlowDown", first[100].Error!.Message, StringComparison.Ordinal);
        Assert.False((await PreCommit(task, 100)).ContainsKey(Partition), "committed records whose file is not in S3");

        // Within the backoff the sink does not touch S3 at all.
        var requests = proxy.Requests;
        Assert.All(await task.PutAsync(Records(100, 150, 10), CancellationToken.None), o => Assert.Equal(SinkRecordStatus.Retriable, o.Status));
        Assert.Equal(requests, proxy.Requests);

        proxy.Clear();
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.All(await task.PutAsync(Records(100, 200, 10), CancellationToken.None), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Equal(200, (await PreCommit(task, 200))[Partition]);

        Assert.Equal(["topics/resume/partition=0/resume+0+0000000000.snappy.parquet", "topics/resume/partition=0/resume+0+0000000100.snappy.parquet"],
            await S3TestSupport.KeysAsync(bucket));
        var (dir, _) = await S3TestSupport.DownloadAsync(bucket, "topics/");
        var rows = await DuckDb.QueryAsync($"SELECT n FROM read_parquet('{dir}/topics/**/*.parquet') ORDER BY n");
        Assert.Equal(Enumerable.Range(0, 200), rows.Select(r => r.GetProperty("n").GetInt32()));
    }

    [Fact]
    public async Task A_500_on_the_last_part_then_a_reset_on_the_completion_finish_the_same_multipart_upload()
    {
        await using var bucket = await TestBucket.CreateAsync("resume-mpu");
        await using var proxy = HttpFaultProxy.Start(LocalServices.Current.S3Endpoint);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // 100 JSON records of ~60 KB: one full 5 MiB part during the puts, the rest as part 2 at the rotation.
        await using var task = CreateTask(bucket, proxy, S3TestSupport.Json, 100, time, ("s3.part.size", "5242880"));
        await task.OpenAsync([Partition], CancellationToken.None);
        proxy.Inject(ProxyFault.InternalError, applies: line => line.Contains("partNumber=2", StringComparison.Ordinal));

        var first = await task.PutAsync(Records(0, 101, 60_000), CancellationToken.None);
        Assert.All(first.Take(100), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Equal(SinkRecordStatus.Retriable, first[100].Status);
        Assert.Contains("InternalError", first[100].Error!.Message, StringComparison.Ordinal);

        // The part now goes through; the completion is reset once, then the next retry finishes the upload.
        proxy.Inject(ProxyFault.Reset, applies: line => line.StartsWith("POST ", StringComparison.Ordinal) && line.Contains("uploadId=", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(SinkRecordStatus.Retriable, Assert.Single(await task.PutAsync(Records(100, 101, 60_000), CancellationToken.None)).Status);
        Assert.False((await PreCommit(task, 101)).ContainsKey(Partition));
        Assert.Empty(await S3TestSupport.KeysAsync(bucket, "topics/"));

        proxy.Clear();
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(SinkRecordStatus.Written, Assert.Single(await task.PutAsync(Records(100, 101, 60_000), CancellationToken.None)).Status);
        Assert.Equal(100, (await PreCommit(task, 101))[Partition]);

        var log = proxy.Log;
        Assert.Single(log, l => l.Contains("partNumber=1", StringComparison.Ordinal));
        Assert.Single(log, l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains("uploads", StringComparison.Ordinal) && !l.Contains("uploadId=", StringComparison.Ordinal));
        var key = Assert.Single(await S3TestSupport.KeysAsync(bucket, "topics/"));
        Assert.Equal("topics/resume/partition=0/resume+0+0000000000.json", key);
        var lines = Encoding.UTF8.GetString(await S3TestSupport.GetAsync(bucket, key)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 100), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("n").GetInt32()));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public async Task A_completion_whose_answer_is_lost_is_not_sent_again_once_the_object_exists(string partRetries)
    {
        await using var bucket = await TestBucket.CreateAsync("resume-lost");
        await using var proxy = HttpFaultProxy.Start(LocalServices.Current.S3Endpoint);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // With s3.part.retries=3 the SDK itself retries the completion, which s3rver then answers 500 (AWS: NoSuchUpload).
        await using var task = CreateTask(bucket, proxy, S3TestSupport.Json, 100, time, ("s3.part.size", "5242880"), ("s3.part.retries", partRetries));
        await task.OpenAsync([Partition], CancellationToken.None);
        var completions = 0;
        proxy.Inject(ProxyFault.DropResponse, applies: line =>
            line.StartsWith("POST ", StringComparison.Ordinal) && line.Contains("uploadId=", StringComparison.Ordinal) && Interlocked.Increment(ref completions) == 1);

        var first = await task.PutAsync(Records(0, 101, 60_000), CancellationToken.None);
        Assert.All(first.Take(100), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Equal(SinkRecordStatus.Retriable, first[100].Status);
        Assert.False((await PreCommit(task, 101)).ContainsKey(Partition));

        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(SinkRecordStatus.Written, Assert.Single(await task.PutAsync(Records(100, 101, 60_000), CancellationToken.None)).Status);
        Assert.Equal(100, (await PreCommit(task, 101))[Partition]);
        // The resumed step asked whether the object exists (HEAD) and sent no completion after that.
        var log = proxy.Log.ToList();
        var head = log.FindIndex(l => l.StartsWith("HEAD ", StringComparison.Ordinal));
        Assert.True(head > 0, string.Join("\n", log));
        Assert.DoesNotContain(log.Skip(head), l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains("uploadId=", StringComparison.Ordinal));
        var key = Assert.Single(await S3TestSupport.KeysAsync(bucket, "topics/"));
        var lines = Encoding.UTF8.GetString(await S3TestSupport.GetAsync(bucket, key)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 100), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("n").GetInt32()));
    }

    private static S3SinkTask CreateTask(TestBucket bucket, HttpFaultProxy proxy, string format, int flushSize, TimeProvider time, params (string, string)[] extra)
    {
        // One attempt per request (no SDK retries), so each injected fault reaches the sink at once.
        var config = S3TestSupport.Config(bucket, format, flushSize,
            [("store.url", proxy.Url.ToString()), ("s3.part.retries", "1"), ("retry.backoff.ms", "200"), .. extra]);
        return new S3SinkTask(S3SinkOptions.FromConfig(config), SinkHostKind.Standalone, NullLogger.Instance, time);
    }

    private static List<ConnectRecord> Records(int from, int to, int padding) =>
        [.. Enumerable.Range(from, to - from).Select(n => S3TestSupport.Record(Partition.Topic, 0, n, Row,
            new StructBuilder(Row).Put("n", n).Put("pad", Pad(n, padding)).Build()))];

    // Varied text, so the JSON object keeps its size.
    private static string Pad(int n, int length)
    {
        var random = new Random(n);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }

    private static async Task<IReadOnlyDictionary<SinkPartition, long>> PreCommit(S3SinkTask task, long current) =>
        await task.PreCommitAsync(new Dictionary<SinkPartition, long> { [Partition] = current }, CancellationToken.None);
}
