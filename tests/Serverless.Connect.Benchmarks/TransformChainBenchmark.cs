using BenchmarkDotNet.Attributes;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Benchmarks;

/// <summary>
/// The sink pre-put chain of issue 3: JsonConverter (schemas off) → ExtractNewRecordState → InsertField → RegexRouter →
/// JsonConverter, over ~500-byte Debezium events. One operation is one record; run on one core.
/// </summary>
[MemoryDiagnoser]
public class TransformChainBenchmark
{
    private const int Batch = 1024;
    private SinkRecordPipeline _pipeline = null!;
    private ConsumedRecord[] _records = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = ConnectorConfig.FromValues(new Dictionary<string, string>
        {
            ["name"] = "bench",
            ["connector.class"] = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
            ["topics"] = "cdc.orders.public.orders",
            ["key.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["key.converter.schemas.enable"] = "false",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["transforms"] = "unwrap,insert,route",
            ["transforms.unwrap.type"] = "io.debezium.transforms.ExtractNewRecordState",
            // Debezium recognises envelopes by schema name; schemaless envelopes need our opt-in to be unwrapped.
            ["transforms.unwrap.schemaless.envelopes"] = "unwrap",
            ["transforms.insert.type"] = "org.apache.kafka.connect.transforms.InsertField$Value",
            ["transforms.insert.offset.field"] = "kafka_offset",
            ["transforms.insert.static.field"] = "pipeline",
            ["transforms.insert.static.value"] = "bench",
            ["transforms.route.type"] = "org.apache.kafka.connect.transforms.RegexRouter",
            ["transforms.route.regex"] = "cdc\\.orders\\.public\\.(.*)",
            ["transforms.route.replacement"] = "prod-$1",
        });
        _pipeline = SinkRecordPipeline.Create(ConnectorConfigMerger.Merge(config));
        var keys = DebeziumRecords.Keys(Batch);
        var values = DebeziumRecords.Values(Batch);
        _records = new ConsumedRecord[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _records[i] = new ConsumedRecord("cdc.orders.public.orders", 0, i, 1_700_000_000_000 + i, keys[i], values[i]);
        }

        // A benchmark of a chain that silently does nothing would measure nothing: check one record first.
        var probe = _pipeline.ProcessAsync(_records[0]).AsTask().GetAwaiter().GetResult();
        var text = System.Text.Encoding.UTF8.GetString(_pipeline.FromConnectValue(probe.Record!)!);
        if (probe.Record!.Topic != "prod-orders" || !text.StartsWith("{\"id\":1000,", StringComparison.Ordinal) ||
            !text.Contains("\"kafka_offset\":0", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"unexpected chain output: {probe.Record.Topic} {text}");
        }

        Console.WriteLine($"chain output ({text.Length} bytes from {values[0].Length}): {probe.Record.Topic} {text}");
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<long> ConvertTransformSerialize()
    {
        long bytes = 0;
        foreach (var record in _records)
        {
            var result = await _pipeline.ProcessAsync(record);
            if (result.Record is { } transformed)
            {
                bytes += _pipeline.FromConnectValue(transformed)?.Length ?? 0;
                bytes += _pipeline.FromConnectKey(transformed)?.Length ?? 0;
            }
        }

        return bytes;
    }
}
