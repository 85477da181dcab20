using System.Diagnostics;
using System.Globalization;
using Serverless.Connect.Bench.Cdc;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

namespace Serverless.Connect.Bench.EndToEnd;

/// <summary>
/// Issue 8: end-to-end latency at a fixed rate. Rows are inserted into PostgreSQL at <c>--rate</c> (5,000) rows/s for
/// <c>--seconds</c> (30), in a transaction every 5 ms, through three real processes: <c>connect cdc</c> (the seed's
/// unwrap) → <c>connect kafka</c> (the embedded cluster) → <c>connect sink</c> (the seed's Elasticsearch sink settings)
/// → the Elasticsearch contract server in this process. Latency is from the moment a row's COMMIT returned to the
/// moment its bulk item reached the server, both on this process's monotonic clock. A warm-up at the same rate
/// (<c>--warmup-seconds</c>, 5) comes first and is waited out, so JIT and the consumer group's join are not measured.
/// <c>--tick-ms</c> (5) sets how often a transaction commits; <c>--source-set</c> / <c>--sink-set "k=v;k=v"</c> add
/// connector keys to either side.
/// </summary>
internal sealed class EndToEndLatencyScenario : IBenchScenario
{
    private const string Topic = "bench.public." + CdcWorkload.Table;
    private const int Partitions = 4;

    public string Name => "e2e-latency";

    public string Description => "PostgreSQL at a fixed 5,000 rows/s → connect cdc → connect kafka → connect sink → Elasticsearch contract server: p50/p99 commit-to-document latency, nothing lost, RSS of every process";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rate = context.IntOption("rate", 5000);
        var seconds = context.IntOption("seconds", 30);
        var warmup = context.IntOption("warmup-seconds", 5);
        var tick = context.IntOption("tick-ms", 5);
        const long FirstId = 1;
        var capacity = (int)((long)rate * (seconds + warmup)) + 1;

        await using var workload = await CdcWorkload.CreateAsync(cancellationToken, slots: false);
        await using var server = new ElasticsearchContractServer();
        var arrivals = new ArrivalLog(FirstId, capacity);
        arrivals.Attach(server);
        var directory = Directory.CreateTempSubdirectory("bench-e2e-");
        try
        {
            var bootstrap = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var kafka = ConnectVerbProcess.Start(
                context.ConnectDll, ["kafka", "--brokers", "3", "--topic", $"{Topic}:{Partitions}"], new Dictionary<string, string>(),
                line =>
                {
                    if (line.StartsWith("bootstrap.servers=", StringComparison.Ordinal))
                    {
                        bootstrap.TrySetResult(line["bootstrap.servers=".Length..]);
                    }
                });
            var servers = await bootstrap.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            var environment = new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = servers, ["CDC_LOG_LEVEL"] = "Warning" };

            var source = Path.Combine(directory.FullName, "postgres-source.properties");
            var sourceConfig = CdcBenchmark.ConnectorConfig(context, workload, SourceOverrides);
            Apply(sourceConfig, context.Option("source-set"));
            await File.WriteAllLinesAsync(source, sourceConfig.Select(p => $"{p.Key}={p.Value}"), cancellationToken);
            var sink = Path.Combine(directory.FullName, "elasticsearch-sink.properties");
            var sinkConfig = SinkConfig(server.Url).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            Apply(sinkConfig, context.Option("sink-set"));
            await File.WriteAllLinesAsync(sink, sinkConfig.Select(p => $"{p.Key}={p.Value}"), cancellationToken);

            await using var reader = ConnectVerbProcess.Start(
                context.ConnectDll, ["cdc", "--config", source, "--http-port", LocalPort.Free().ToString(CultureInfo.InvariantCulture)], environment);
            await using var writer = ConnectVerbProcess.Start(
                context.ConnectDll, ["sink", "--config", sink, "--http-port", LocalPort.Free().ToString(CultureInfo.InvariantCulture)], environment);
            await workload.WaitForActiveSlotAsync(workload.ReaderSlot, () => reader.HasExited, cancellationToken);
            Alive(reader, writer, kafka);

            var inserter = new PacedInserter(workload, FirstId, capacity, tick);
            BenchContext.Log($"e2e: warm-up, {rate:N0} rows/s for {warmup} s");
            var warm = await inserter.RunAsync(rate, TimeSpan.FromSeconds(warmup), cancellationToken);
            await WaitForAsync(arrivals, warm, TimeSpan.FromSeconds(90), reader, writer, kafka, cancellationToken);

            var cpuBefore = Cpu(reader, writer, kafka);
            var load = ProcessCpu.LoadAverage();
            BenchContext.Log($"e2e: measuring, {rate:N0} rows/s for {seconds} s");
            var measured = await inserter.RunAsync(rate, TimeSpan.FromSeconds(seconds), cancellationToken);
            var complete = await WaitForAsync(arrivals, measured, TimeSpan.FromSeconds(60), reader, writer, kafka, cancellationToken, throwOnTimeout: false);
            var cpu = Cpu(reader, writer, kafka).Zip(cpuBefore, (a, b) => a - b).ToArray();
            load = $"{load} → {ProcessCpu.LoadAverage()}";

            var rss = new[] { reader, writer, kafka }.Select(p => p.PeakRssBytes).ToArray();
            var harness = ProcessMemory.OwnPeakBytes;
            var exits = new[] { await writer.StopAsync(TimeSpan.FromSeconds(30)), await reader.StopAsync(TimeSpan.FromSeconds(30)), await kafka.StopAsync(TimeSpan.FromSeconds(30)) };

            var latencies = new List<double>();
            var toKafka = new List<double>();
            long lost = 0;
            for (var id = measured.First; id <= measured.Last; id++)
            {
                var arrived = arrivals.ArrivedAt(id);
                if (arrived == 0)
                {
                    lost++;
                }
                else
                {
                    latencies.Add(Stopwatch.GetElapsedTime(inserter.CommittedAt(id), arrived).TotalMilliseconds);
                    if (arrivals.KafkaTimestamp(id) is > 0 and var ts)
                    {
                        toKafka.Add(ts - inserter.CommittedAtMs(id));
                    }
                }
            }

            latencies.Sort();
            toKafka.Sort();
            var rows = measured.Last - measured.First + 1;
            var span = Stopwatch.GetElapsedTime(inserter.CommittedAt(measured.First), inserter.CommittedAt(measured.Last)).TotalSeconds;
            var achieved = (rows - 1) / span;
            var result = new EndToEndOutcome(rate, seconds, tick, rows, achieved, inserter.Transactions, latencies, lost, complete, arrivals.Again,
                cpu, rss, harness, exits, load, toKafka);
            BenchContext.Log($"e2e: {result.Summary}");
            return result.Results(Name);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // The seed's postgres-source: ExtractNewRecordState, tombstones dropped. JSON without inline schemas (~120 B a
    // record): the seed's Avro keeps the schema in a registry, and the mock cluster keeps only the newest 5 MiB per
    // partition, so records with a 1 KB schema each would be truncated away after ~5 s of sink lag on a loaded machine.
    private static readonly Dictionary<string, string> SourceOverrides = new()
    {
        ["transforms"] = "unwrap",
        ["transforms.unwrap.type"] = "io.debezium.transforms.ExtractNewRecordState",
        ["transforms.unwrap.drop.tombstones"] = "true",
        ["key.converter"] = "org.apache.kafka.connect.json.JsonConverter",
        ["key.converter.schemas.enable"] = "false",
        ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
        ["value.converter.schemas.enable"] = "false",
    };

    // The seed's elasticsearch-sink (upsert by key, deletes on null), the key made the row id.
    private static string SinkConfig(Uri elasticsearch) =>
        $"""
        name=bench-e2e-sink
        connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
        topics={Topic}
        connection.url={elasticsearch.AbsoluteUri.TrimEnd('/')}
        key.ignore=false
        schema.ignore=true
        behavior.on.null.values=delete
        write.method=upsert
        key.converter=org.apache.kafka.connect.json.JsonConverter
        key.converter.schemas.enable=false
        value.converter=org.apache.kafka.connect.json.JsonConverter
        value.converter.schemas.enable=false
        transforms=key,ts
        transforms.key.type=org.apache.kafka.connect.transforms.ExtractField$Key
        transforms.key.field=id
        transforms.ts.type=org.apache.kafka.connect.transforms.InsertField$Value
        transforms.ts.timestamp.field={ArrivalLog.KafkaTimestampField}
        """;

    /// <summary>Applies <c>--source-set</c> / <c>--sink-set "key=value;key=value"</c> on top of a connector's keys.</summary>
    private static void Apply(Dictionary<string, string> config, string? extra)
    {
        foreach (var pair in (extra ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            config[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    private static async Task<bool> WaitForAsync(
        ArrivalLog arrivals, (long First, long Last) ids, TimeSpan timeout, ConnectVerbProcess reader, ConnectVerbProcess writer, ConnectVerbProcess kafka,
        CancellationToken cancellationToken, bool throwOnTimeout = true)
    {
        var deadline = Stopwatch.StartNew();
        while (!arrivals.AllArrived(ids.First, ids.Last))
        {
            Alive(reader, writer, kafka);
            if (deadline.Elapsed > timeout)
            {
                return throwOnTimeout
                    ? throw new TimeoutException($"rows {ids.First}..{ids.Last} had not all reached Elasticsearch after {timeout.TotalSeconds:F0} s ({arrivals.Count} documents):\n{writer.StandardErrorTail}\n{reader.StandardErrorTail}")
                    : false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    private static void Alive(params ConnectVerbProcess[] processes)
    {
        foreach (var p in processes)
        {
            if (p.HasExited)
            {
                throw new InvalidOperationException($"connect {p.Verb} exited during the run:\n{p.StandardErrorTail}");
            }
        }
    }

    private static TimeSpan[] Cpu(params ConnectVerbProcess[] processes) =>
        processes.Select(p => ProcessCpu.Read(p.Pid) ?? TimeSpan.Zero).ToArray();
}
