using System.Diagnostics;
using System.Globalization;
using Amazon.S3.Model;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks;
using Serverless.Connect.Sinks.S3;
using Serverless.Connect.TestData;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench.S3Sink;

/// <summary>
/// Issue 6: the S3 sink writing 10-column Parquet rows into 100 partitions at once (100 open files, round-robin
/// batches) against s3rver, in this process; reports throughput, CPU per record, bytes per record in the objects and
/// peak RSS with 100 open partitions.
/// </summary>
internal sealed class S3SinkScenario : IBenchScenario
{
    private static readonly Schema RowSchema = ParquetSampleRows.Schema;

    public string Name => "s3";

    public string Description => "S3 sink: 10-column Parquet rows into 100 open partitions against s3rver; records/s, bytes/record, peak RSS";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var partitions = context.IntOption("partitions", 100);
        var perPartition = context.IntOption("records-per-partition", 20_000);
        const int Batch = 500;
        await using var bucket = await TestBucket.CreateAsync("bench-s3", cancellationToken);
        var services = context.Services;
        var options = S3SinkOptions.FromConfig(new Dictionary<string, string>
        {
            ["s3.bucket.name"] = bucket.Name,
            ["s3.region"] = "us-east-1",
            ["store.url"] = services.S3Endpoint.ToString(),
            ["aws.access.key.id"] = services.S3AccessKey,
            ["aws.secret.access.key"] = services.S3SecretKey,
            ["storage.class"] = "io.confluent.connect.s3.storage.S3Storage",
            ["format.class"] = "io.confluent.connect.s3.format.parquet.ParquetFormat",
            ["flush.size"] = perPartition.ToString(CultureInfo.InvariantCulture),
            ["s3.part.size"] = "5242880",
            ["parquet.row.group.records"] = "5000",
        });

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long maxOpen = 0;
        await using (var task = new S3SinkTask(options, SinkHostKind.Standalone))
        {
            await task.OpenAsync(Enumerable.Range(0, partitions).Select(p => new SinkPartition("bench", p)).ToList(), cancellationToken);
            for (var start = 0; start < perPartition; start += Batch)
            {
                for (var p = 0; p < partitions; p++)
                {
                    var records = new List<ConnectRecord>(Batch);
                    for (var o = start; o < Math.Min(perPartition, start + Batch); o++)
                    {
                        records.Add(new ConnectRecord("bench", p, null, null, RowSchema, ParquetSampleRows.Row((p * (long)perPartition) + o), null) { KafkaOffset = o });
                    }

                    await task.PutAsync(records, cancellationToken);
                }

                maxOpen = Math.Max(maxOpen, task.OpenFileCount);
            }
        }

        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var memory = ProcessMemory.Read(Environment.ProcessId);
        long bytes = 0;
        var objects = 0;
        string? token = null;
        do
        {
            var page = await bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Name, ContinuationToken = token }, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
            {
                bytes += o.Size ?? 0;
                objects++;
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        long total = (long)partitions * perPartition;
        var complete = objects == partitions;
        return
        [
            new BenchResult(Name, $"throughput, {partitions} open partitions", (total / watch.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture),
                "records/s", "", complete, $"{total} records, {objects} objects; includes uploads to s3rver on this machine"),
            new BenchResult(Name, "CPU per record", (cpu.TotalMicroseconds / total).ToString("F2", CultureInfo.InvariantCulture), "µs", "≤ 5 (200,000 records/s per core)",
                cpu.TotalMicroseconds / total <= 5, "process user+system time / records (row building in the harness included)"),
            new BenchResult(Name, "bytes per record in S3", ((double)bytes / total).ToString("F1", CultureInfo.InvariantCulture), "B", "", null, "snappy Parquet, 10 columns"),
            new BenchResult(Name, $"peak RSS with {maxOpen} open files", ((memory?.PeakBytes ?? 0) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture), "MiB", "", null,
                "the harness process, where the sink runs (VmHWM, reset at the scenario's start); part size 5 MiB, row groups of 5,000"),
        ];
    }
}
