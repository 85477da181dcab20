using System.Globalization;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>
/// Plays a host against a sink task with hostile redelivery: random batch boundaries, overlapping and shifted batches,
/// lost commits (the committed offset moves back), puts abandoned mid-upload (cancelled), task instances discarded
/// without close (a crash) or kept alive across invocations. Then reads every object back and checks exactly-once.
/// </summary>
internal sealed class RedeliveryHarness(TestBucket bucket, Dictionary<string, string> config, SinkHostKind host, int seed)
{
    public const string Topic = "orders";

    public static readonly Schema Row = SchemaBuilder.Struct().Name("Row")
        .Field("p", Schema.Int32Schema)
        .Field("o", Schema.Int64Schema)
        .Field("at", TimestampSchema.Schema)
        .Field("payload", Schema.StringSchema)
        .Build();

    // 2024-05-01T00:00:00Z; one record every 7 s of record time, so an hour folder gets about 500 records per partition.
    public const long Start = 1_714_521_600_000;

    public int Partitions { get; init; } = 4;

    public int PerPartition { get; init; } = 5000;

    /// <summary>Records after <see cref="PerPartition"/> that are delivered too, so that record-time rotation can close the last file.</summary>
    public int Extra { get; init; }

    public int Crashes { get; private set; }

    public int Cancellations { get; private set; }

    public int LostCommits { get; private set; }

    public int Puts { get; private set; }

    public static long TimestampOf(int partition, long offset) => Start + (offset * 7_000) + (partition * 1_000);

    public static ConnectRecord RecordAt(int partition, long offset) =>
        S3TestSupport.Record(Topic, partition, offset, Row, new StructBuilder(Row)
            .Put("p", partition)
            .Put("o", offset)
            .Put("at", DateTimeOffset.FromUnixTimeMilliseconds(TimestampOf(partition, offset)))
            .Put("payload", $"payload-{partition}-{offset}")
            .Build(), TimestampOf(partition, offset));

    public async Task RunAsync()
    {
        var random = new Random(seed);
        var committed = new long[Partitions];

        // Where the consumer reads next: the standalone consumer reads ahead of its commits; after a crash it restarts at the
        // committed offset. The Functions trigger commits every batch, so it reads from the committed offset.
        var position = new long[Partitions];
        var sessionStart = new long[Partitions];
        var end = PerPartition + Extra;
        var history = Enumerable.Range(0, Partitions).Select(_ => new List<long> { 0 }).ToArray();
        S3SinkTask? task = null;
        KillableS3? kill = null;
        var guard = 0;
        while (committed.Any(c => c < PerPartition))
        {
            if (++guard > 5000)
            {
                throw new InvalidOperationException(
                    $"The harness made no progress: committed {string.Join(",", committed)}, position {string.Join(",", position)}, {Describe(this)}.");
            }

            // Functions: a new task per invocation now and then, or one kept alive; a crash discards it without close.
            if (task is null || (host == SinkHostKind.FunctionsTrigger && random.NextDouble() < 0.3))
            {
                Array.Copy(committed, position, Partitions);
                Array.Copy(committed, sessionStart, Partitions);
                (var client, kill) = KillableS3.Wrap(bucket.Client);
                task = new S3SinkTask(S3SinkOptions.FromConfig(config), host, null, null, client);
                await task.OpenAsync(Enumerable.Range(0, Partitions).Select(p => new SinkPartition(Topic, p)).ToList(), CancellationToken.None);
            }

            if (random.NextDouble() < 0.05)
            {
                // A lost commit: the group goes back to an older committed offset of one partition.
                var p = random.Next(Partitions);
                committed[p] = history[p][random.Next(history[p].Count)];
                LostCommits++;
            }

            var batch = new List<ConnectRecord>();
            foreach (var p in Enumerable.Range(0, Partitions).OrderBy(_ => random.Next()).Take(random.Next(1, Partitions + 1)))
            {
                if (host == SinkHostKind.FunctionsTrigger)
                {
                    position[p] = committed[p];
                }

                if (position[p] >= end)
                {
                    continue;
                }

                // Overlapping or shifted redelivery: start a little before the read position, any length. A standalone consumer
                // never reads below the offset it started at; the Functions trigger may (lost commits, other instances).
                var floor = host == SinkHostKind.Standalone ? sessionStart[p] : 0;
                var from = Math.Max(floor, position[p] - (random.NextDouble() < 0.3 ? random.Next(0, 300) : 0));
                var to = Math.Min(end, from + random.Next(1, 700));
                for (var o = from; o < to; o++)
                {
                    batch.Add(RecordAt(p, o));
                }

                position[p] = Math.Max(position[p], to);
            }

            if (batch.Count == 0)
            {
                // Everything was read but not committed (the tail is in open files): a restart reads it again.
                task = null;
                continue;
            }

            Puts++;
            if (random.NextDouble() < 0.12)
            {
                // SIGKILL during the put: after a few S3 requests (perhaps between two parts of an upload) nothing more happens.
                kill!.KillAfter(random.Next(0, 8));
            }

            IReadOnlyList<SinkRecordOutcome>? outcomes = null;
            try
            {
                outcomes = await task.PutAsync(batch, CancellationToken.None);
            }
            catch (Exception) when (kill!.Killed)
            {
            }

            if (kill!.Killed)
            {
                // The instance is gone mid-put; nothing is committed.
                Cancellations++;
                task = null;
                continue;
            }

            kill.KillAfter(int.MaxValue);

            Assert.All(outcomes!, o => Assert.True(o.Status is SinkRecordStatus.Written or SinkRecordStatus.Retriable, $"{o.Status}: {o.Error?.Message}"));
            var done = outcomes!.Where(o => o.Status == SinkRecordStatus.Written).GroupBy(o => o.Record.KafkaPartition!.Value)
                .ToDictionary(g => g.Key, g => g.Max(o => o.Record.KafkaOffset) + 1);
            IReadOnlyDictionary<SinkPartition, long> commit = done.ToDictionary(kv => new SinkPartition(Topic, kv.Key), kv => kv.Value);
            if (host == SinkHostKind.Standalone)
            {
                // The standalone host commits only what preCommit allows.
                commit = await task.PreCommitAsync(commit, CancellationToken.None);
            }

            if (random.NextDouble() < 0.1)
            {
                // Crash after the put, before the commit reached Kafka.
                Crashes++;
                task = null;
                continue;
            }

            foreach (var (partition, offset) in commit)
            {
                committed[partition.Partition] = offset;
                history[partition.Partition].Add(offset);
            }
        }

        if (task is not null)
        {
            await task.DisposeAsync();
        }
    }

    /// <summary>Reads every Parquet object with DuckDB and returns (file, p, o, at) rows.</summary>
    public async Task<List<(string File, int P, long O, long At)>> ReadBackAsync()
    {
        var (dir, keys) = await S3TestSupport.DownloadAsync(bucket, "topics/");
        Assert.NotEmpty(keys);
        var rows = await DuckDb.QueryAsync(
            $"SELECT filename AS f, p, o, epoch_ms(\"at\") AS at FROM read_parquet('{dir}/topics/**/*.parquet', filename=true)");
        return rows.Select(r => (
            Path.GetRelativePath(dir, r.GetProperty("f").GetString()!).Replace('\\', '/'),
            r.GetProperty("p").GetInt32(),
            long.Parse(r.GetProperty("o").ToString(), CultureInfo.InvariantCulture),
            long.Parse(r.GetProperty("at").ToString(), CultureInfo.InvariantCulture))).ToList();
    }

    public void AssertExactlyOnce(List<(string File, int P, long O, long At)> rows, int flushSize, bool hourFolders)
    {
        var duplicates = rows.GroupBy(r => (r.P, r.O)).Where(g => g.Count() > 1).Select(g => $"{g.Key.P}@{g.Key.O} in {string.Join(",", g.Select(r => r.File))}").Take(5).ToList();
        Assert.True(duplicates.Count == 0, "Duplicated records: " + string.Join("; ", duplicates));
        for (var p = 0; p < Partitions; p++)
        {
            var offsets = rows.Where(r => r.P == p).Select(r => r.O).ToHashSet();
            var missing = Enumerable.Range(0, PerPartition).Where(o => !offsets.Contains(o)).Take(5).ToList();
            Assert.True(missing.Count == 0, $"Partition {p} misses offsets {string.Join(",", missing)} (has {offsets.Count})");
        }

        foreach (var file in rows.GroupBy(r => r.File))
        {
            Assert.True(file.Count() <= flushSize, $"{file.Key} holds {file.Count()} records, more than flush.size {flushSize}");

            // The key's start offset is the file's first record.
            var name = Path.GetFileName(file.Key);
            var start = long.Parse(name.Split('+')[2].Split('.')[0], CultureInfo.InvariantCulture);
            Assert.Equal(start, file.Min(r => r.O));
            if (hourFolders)
            {
                foreach (var row in file)
                {
                    var hour = DateTimeOffset.FromUnixTimeMilliseconds(row.At).UtcDateTime;
                    Assert.Contains($"/year={hour:yyyy}/month={hour:MM}/day={hour:dd}/hour={hour:HH}/", file.Key, StringComparison.Ordinal);
                }
            }
        }
    }

    public static string Describe(RedeliveryHarness h) =>
        JsonSerializer.Serialize(new { h.Puts, h.Crashes, h.Cancellations, h.LostCommits });
}
