using System.Diagnostics;
using System.Globalization;
using System.Text;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Bench.Transforms;

/// <summary>
/// Issue 8: the sink-side chain a pasted connector runs in both hosts (<c>SinkRecordPipeline</c>), bytes in → bytes
/// out, on one thread: JsonConverter (schemas.enable=true, Connect's default, as <c>connect cdc</c> writes) →
/// ExtractNewRecordState (the seed's unwrap, tombstones dropped, op and commit time added) → ExtractField$Key →
/// ReplaceField → InsertField → TimestampConverter → RegexRouter → JsonConverter for key and value. The figure is
/// records per second of process CPU (user + system, all threads: GC included), i.e. per core; allocations per record
/// are the running thread's. Options: <c>--records N</c> (1,000,000 after 100,000 of warm-up), <c>--pool N</c> (10,000
/// distinct events).
/// </summary>
internal sealed class TransformsScenario : IBenchScenario
{
    public string Name => "transforms";

    public string Description => "transform chain (unwrap, ExtractField, ReplaceField, InsertField, TimestampConverter, RegexRouter) with JsonConverter bytes in → bytes out: records/s per core, B/record";

    public static IReadOnlyDictionary<string, string> Chain { get; } = new Dictionary<string, string>
    {
        ["transforms"] = "unwrap,key,fields,insert,created,route",
        ["transforms.unwrap.type"] = "io.debezium.transforms.ExtractNewRecordState",
        ["transforms.unwrap.drop.tombstones"] = "true",
        ["transforms.unwrap.add.fields"] = "op,source.ts_ms",
        ["transforms.key.type"] = "org.apache.kafka.connect.transforms.ExtractField$Key",
        ["transforms.key.field"] = "id",
        ["transforms.fields.type"] = "org.apache.kafka.connect.transforms.ReplaceField$Value",
        ["transforms.fields.exclude"] = "rev",
        ["transforms.fields.renames"] = "customer_id:customerId,__source_ts_ms:committed_at",
        ["transforms.insert.type"] = "org.apache.kafka.connect.transforms.InsertField$Value",
        ["transforms.insert.topic.field"] = "kafka_topic",
        ["transforms.insert.offset.field"] = "kafka_offset",
        ["transforms.insert.static.field"] = "pipeline",
        ["transforms.insert.static.value"] = "orders-to-search",
        ["transforms.created.type"] = "org.apache.kafka.connect.transforms.TimestampConverter$Value",
        ["transforms.created.field"] = "created_at",
        ["transforms.created.target.type"] = "string",
        ["transforms.created.format"] = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
        ["transforms.created.unix.precision"] = "microseconds",
        ["transforms.route.type"] = "org.apache.kafka.connect.transforms.RegexRouter",
        ["transforms.route.regex"] = "cdc\\.orders\\.public\\.(.*)",
        ["transforms.route.replacement"] = "search-$1",
    };

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var records = context.IntOption("records", 1_000_000);
        var pool = context.IntOption("pool", 10_000);
        var values = new Dictionary<string, string>(Chain)
        {
            ["name"] = "bench-transforms",
            ["connector.class"] = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
            ["topics"] = OrderEvents.Topic,
        };
        using var pipeline = SinkRecordPipeline.Create(ConnectorConfigMerger.Merge(ConnectorConfig.FromValues(values)));
        var events = OrderEvents.Serialized(pool);
        var consumed = events.Select((e, i) => new ConsumedRecord(OrderEvents.Topic, 0, i, 1_796_119_200_000L + i, e.Key, e.Value)).ToArray();
        var inputBytes = events.Average(e => e.Key.Length + (e.Value?.Length ?? 0));
        var sample = Check(pipeline, consumed);

        // The measured loop runs on this thread only; the pipeline's stages complete synchronously (no awaits taken).
        var (seconds, cpu, allocated, outputs, outputBytes) = await Task.Factory.StartNew(
            () =>
            {
                Loop(pipeline, consumed, Math.Min(records / 10, 100_000));
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var (outCount, outBytes) = Loop(pipeline, consumed, records);
                watch.Stop();
                var allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                process.Refresh();
                return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, allocatedBytes, outCount, outBytes);
            },
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var perCore = records / cpu;
        var perSecond = records / seconds;
        BenchContext.Log(string.Create(CultureInfo.InvariantCulture,
            $"transforms: {records:N0} records in {seconds:F2} s ({perSecond:N0}/s on one thread), CPU {cpu:F2} s ({perCore:N0} per CPU second), {allocated / (double)records:F0} B allocated/record; sample output {sample}"));
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"{records:N0} records (after {Math.Min(records / 10, 100_000):N0} of warm-up) cycling over {pool:N0} distinct orders events: 80 % creates, 15 % updates, " +
            $"5 % deletes each with its tombstone (dropped by unwrap, as Debezium's defaults do; {outputs:N0} records out); {inputBytes:F0} B in (key + value, JSON with schemas), " +
            $"{outputBytes / (double)Math.Max(1, outputs):F0} B out");
        return
        [
            new BenchResult(Name, "records/s per core", perCore.ToString("N0", CultureInfo.InvariantCulture), "records/s", "", null,
                string.Create(CultureInfo.InvariantCulture,
                    $"{shape}; records ÷ process CPU time (user + system, every thread incl. GC) {cpu:F2} s; chain: JsonConverter → unwrap(add.fields op,source.ts_ms) → ExtractField$Key → ReplaceField$Value → InsertField$Value → TimestampConverter$Value → RegexRouter → JsonConverter (key and value)")),
            new BenchResult(Name, "records/s on one thread (wall clock)", perSecond.ToString("N0", CultureInfo.InvariantCulture), "records/s", "", null,
                string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s; load average {ProcessCpu.LoadAverage()} on {Environment.ProcessorCount} cores")),
            new BenchResult(Name, "allocated per record", (allocated / (double)records).ToString("F0", CultureInfo.InvariantCulture), "B", "", null,
                "GC.GetAllocatedBytesForCurrentThread over the measured loop ÷ records (input bytes are pre-built, outputs included)"),
            new BenchResult(Name, "harness peak RSS", ProcessMemory.MiB(ProcessMemory.OwnPeakBytes), "MiB", "", null,
                "VmHWM of the harness process, where the chain runs (reset at the scenario's start)"),
        ];
    }

    private static (long Records, long Bytes) Loop(SinkRecordPipeline pipeline, ConsumedRecord[] consumed, int count)
    {
        long outputs = 0, bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var task = pipeline.ProcessAsync(consumed[i % consumed.Length]);
            var result = task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
            if (result.Record is { } record)
            {
                outputs++;
                bytes += (pipeline.FromConnectKey(record)?.Length ?? 0) + (pipeline.FromConnectValue(record)?.Length ?? 0);
            }
            else if (result.Outcome == PipelineOutcome.Failed)
            {
                throw new InvalidOperationException($"record {i % consumed.Length} failed in the chain: {result.Error}");
            }
        }

        return (outputs, bytes);
    }

    /// <summary>A chain that silently does nothing would measure nothing: the first create, delete and tombstone must come out as configured.</summary>
    private static string Check(SinkRecordPipeline pipeline, ConsumedRecord[] consumed)
    {
        const int create = 5;
        var created = pipeline.ProcessAsync(consumed[create]).AsTask().GetAwaiter().GetResult().Record
            ?? throw new InvalidOperationException("the chain dropped a create event");
        var key = Encoding.UTF8.GetString(pipeline.FromConnectKey(created)!);
        var value = Encoding.UTF8.GetString(pipeline.FromConnectValue(created)!);
        string[] expected = ["\"customerId\":6", "\"kafka_offset\":5", "\"pipeline\":\"orders-to-search\"", "\"__op\":\"c\"", "\"committed_at\":", "\"created_at\":\"2026-"];
        if (created.Topic != "search-orders" || !key.Contains("100005", StringComparison.Ordinal) || value.Contains("\"rev\"", StringComparison.Ordinal)
            || expected.Any(e => !value.Contains(e, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"unexpected chain output: topic {created.Topic}, key {key}, value {value}");
        }

        foreach (var dropped in new[] { 0, 1 })
        {
            if (pipeline.ProcessAsync(consumed[dropped]).AsTask().GetAwaiter().GetResult().Outcome != PipelineOutcome.Dropped)
            {
                throw new InvalidOperationException($"event {dropped} ({OrderEvents.Kind(dropped)}) was not dropped by unwrap");
            }
        }

        return $"{created.Topic} key {key} value {value}";
    }
}
