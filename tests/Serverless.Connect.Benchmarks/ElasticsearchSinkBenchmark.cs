using BenchmarkDotNet.Attributes;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Runtime.Sinks;
using Serverless.Connect.Sinks;
using Serverless.Connect.Sinks.Elasticsearch;

namespace Serverless.Connect.Benchmarks;

/// <summary>
/// The standalone host's per-batch work for the Elasticsearch sink: a Kafka batch (500 <see cref="ConsumedRecord"/>s,
/// string keys, ~500-byte JSON values) through <see cref="SinkBatchProcessor"/> (StringConverter key, JsonConverter
/// value with schemas off, the Elasticsearch sink with its defaults: index by key with external versioning, five lanes)
/// to bulk bytes written to a real loopback socket, and the responses parsed. One operation is one record.
/// </summary>
/// <remarks>
/// The Elasticsearch end is <see cref="CountingBulkServer"/> in the same process (so a pinned run charges its small
/// cost to the same core): a real TCP connection keeps HTTP framing, the socket writes and the response parsing in the
/// measurement, which an <c>HttpMessageHandler</c> stub would leave out.
/// </remarks>
[MemoryDiagnoser]
public class ElasticsearchSinkBenchmark
{
    private const int Batch = 500;

    // Batches per invocation: an iteration must run long enough (~100 ms) for the process CPU clock (10 ms ticks) to resolve it.
    private const int Repeat = 20;
    private const int PerInvoke = Batch * Repeat;
    private const string Topic = "orders";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);
    private CountingBulkServer _server = null!;
    private SinkRecordPipeline _pipeline = null!;
    private ISinkTask _sink = null!;
    private SinkBatchProcessor _processor = null!;
    private ConsumedRecord[] _records = null!;
    private Serverless.Connect.Data.ConnectRecord[] _converted = null!;
    private ElasticsearchSinkTask _memorySink = null!;
    private readonly Serverless.Connect.Converters.JsonConverter _json = new(new Serverless.Connect.Converters.JsonConverterConfig { SchemasEnabled = false });
    private long _completed;
    private TimeSpan _cpuAtStart;
    private long _itemsAtStart;
    private long _processed;
    private long _iterationProcessed;
    private TimeSpan _iterationCpu;
    private readonly List<double> _iterations = [];

    [GlobalSetup]
    public void Setup()
    {
        _server = new CountingBulkServer();
        var values = new Dictionary<string, string>
        {
            ["name"] = "bench-es",
            ["connector.class"] = ElasticsearchSinkPlugin.ClassName,
            ["topics"] = Topic,
            ["connection.url"] = _server.Url.AbsoluteUri.TrimEnd('/'),
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["schema.ignore"] = "true",
            ["behavior.on.null.values"] = "delete",
        };
        var config = ConnectorConfigMerger.Merge(ConnectorConfig.FromValues(values));
        _pipeline = SinkRecordPipeline.Create(config);
        _sink = ElasticsearchSinkConnector.Instance.CreateTask(
            config.Values, new SinkTaskContext("bench-es", 0, SinkHostKind.Standalone, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System));
        _processor = new SinkBatchProcessor(_pipeline, _sink);
        var keys = SinkDocuments.Keys(Batch);
        var documents = SinkDocuments.Values(Batch);
        _records = new ConsumedRecord[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _records[i] = new ConsumedRecord(Topic, i % 4, 1_000_000 + i, 1_764_504_000_000 + i, keys[i], documents[i]);
        }

        _converted = [.. _records.Select(r => _pipeline.ProcessAsync(r).AsTask().GetAwaiter().GetResult().Record!)];
        _memorySink = new ElasticsearchSinkTask(ElasticsearchSinkOptions.FromConfig(config.Values), null, TimeProvider.System, new CannedBulkHandler(), null);

        // A benchmark whose records silently fail would measure nothing: one batch must be written in full.
        var result = Put().GetAwaiter().GetResult();
        if (result.RecordsPut != Batch || result.FirstRetriable.Count != 0 || _completed != Batch || _server.Items != Batch || _server.BadRequests != 0)
        {
            throw new InvalidOperationException(
                $"probe batch: put {result.RecordsPut}, retriable {result.FirstRetriable.Count}, completed {_completed}, items {_server.Items}, bad {_server.BadRequests}");
        }

        Console.WriteLine($"// document {documents.Average(d => d.Length):F0} bytes on average; probe batch: {_server.Requests} bulk requests, " +
            $"{_server.BodyBytes / (double)Batch:F0} body bytes per record");

        // BenchmarkDotNet's few warm-up iterations end before tiered compilation has promoted the hot path (it needs
        // a couple of seconds of calls even with the host's CallCountingDelayMs=0, see eng/Tiering.targets), so the
        // first benchmark of a run would measure tier-0 code. A long-running host is measured, not one just started.
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            Put().GetAwaiter().GetResult();
        }

        _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        _itemsAtStart = _server.Items;
        _processed = 0;
    }

    [IterationSetup]
    public void StartIteration()
    {
        _iterationProcessed = _processed;
        _iterationCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    [IterationCleanup]
    public void EndIteration()
    {
        var records = _processed - _iterationProcessed;
        if (records > 0)
        {
            _iterations.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _iterationCpu).TotalMicroseconds / records);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // CPU time per record of the whole process (client, in-process server, GC, runtime threads): on a shared
        // machine wall time includes waiting for the core, CPU time does not, so this is the per-core cost.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        var items = _processed;
        Console.WriteLine($"// total: {_server.Items} items in {_server.Requests} bulk requests, {_server.BodyBytes / (double)Math.Max(1, _server.Items):F0} bytes per item on the wire");
        Console.WriteLine($"// process CPU: {cpu.TotalMicroseconds / Math.Max(1, items):F2} us per record over {items} records = {items / Math.Max(1e-9, cpu.TotalSeconds):F0} records per CPU-second");
        // The last iterations are the measured ones (after pilot and warm-up, with the JIT settled).
        var measured = _iterations.TakeLast(Math.Max(1, _iterations.Count / 2)).Order().ToList();
        if (measured.Count > 0)
        {
            var median = measured[measured.Count / 2];
            Console.WriteLine($"// process CPU per record, measured iterations: median {median:F2} us ({1e6 / median:F0} records per CPU-second), min {measured[0]:F2} us");
        }

        _iterations.Clear();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _pipeline.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<int> KafkaBatchToBulkBytes()
    {
        var put = 0;
        for (var r = 0; r < Repeat; r++)
        {
            _processed += Batch;
            put += (await Put()).RecordsPut;
        }

        return put;
    }

    /// <summary>The pipeline, then one put of the batch, without the batch processor's bookkeeping.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<int> PipelineThenPut()
    {
        var n = 0;
        var list = new List<Serverless.Connect.Data.ConnectRecord>(Batch);
        for (var r = 0; r < Repeat; r++)
        {
            _processed += Batch;
            list.Clear();
            foreach (var record in _records)
            {
                list.Add((await _pipeline.ProcessAsync(record)).Record!);
            }

            n += (await _sink.PutAsync(list, CancellationToken.None)).Count;
        }

        return n;
    }

    /// <summary>The pipeline's work, then a put of the records converted in the setup (not the fresh ones): isolates the cost of fresh records in the sink.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<int> PipelineThenPutOfSetupRecords()
    {
        var n = 0;
        for (var r = 0; r < Repeat; r++)
        {
            _processed += Batch;
            foreach (var record in _records)
            {
                n += (await _pipeline.ProcessAsync(record)).Record is null ? 0 : 1;
            }

            n += (await _sink.PutAsync(_converted, CancellationToken.None)).Count;
        }

        return n;
    }

    /// <summary>The sink alone on already converted records, over the loopback socket.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<int> SinkPutOnly()
    {
        var n = 0;
        for (var r = 0; r < Repeat; r++)
        {
            _processed += Batch;
            n += (await _sink.PutAsync(_converted, CancellationToken.None)).Count;
        }

        return n;
    }

    /// <summary>The sink alone with an in-memory handler answering every bulk request: conversion, bulk body and response parsing, no socket.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<int> SinkPutNoSocket()
    {
        var n = 0;
        for (var r = 0; r < Repeat; r++)
        {
            _processed += Batch;
            n += (await _memorySink.PutAsync(_converted)).Count;
        }

        return n;
    }

    /// <summary>Only the pipeline part (key and value converters), for a breakdown of <see cref="KafkaBatchToBulkBytes"/>.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<int> PipelineOnly()
    {
        var n = 0;
        for (var r = 0; r < Repeat; r++)
        {
            _processed += Batch;
            foreach (var record in _records)
            {
                n += (await _pipeline.ProcessAsync(record)).Record is null ? 0 : 1;
            }
        }

        return n;
    }

    /// <summary>The pipeline, then the value serialised again as the sink does for the bulk source line.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public async Task<long> PipelineAndSerialize()
    {
        long n = 0;
        for (var repeat = 0; repeat < Repeat; repeat++)
        {
            _processed += Batch;
            foreach (var record in _records)
            {
                var r = (await _pipeline.ProcessAsync(record)).Record!;
                n += _json.FromConnectData(r.Topic, null, r.ValueSchema, r.Value)!.Length;
            }
        }

        return n;
    }

    private Task<SinkBatchResult> Put() => _processor.ProcessAsync(_records, _ => _completed++, CancellationToken.None);
}
