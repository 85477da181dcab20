using System.Diagnostics;
using System.Globalization;
using System.Text;
using Serverless.Connect.Bench.Scaling;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench.EsSink;

/// <summary>
/// Issue 5: one <c>connect sink</c> process (its own PID) drains a backlog of ~500-byte JSON documents on an
/// 8-partition topic into the Elasticsearch contract server in this process; throughput is timed from its first
/// record read to every offset committed (its <c>GET /metrics</c>), and its peak RSS (VmHWM) and CPU time are read
/// from /proc. Options: <c>--records N</c> (60000; the mock cluster keeps only 5 MiB per partition).
/// </summary>
internal sealed class EsSinkScenario : IBenchScenario
{
    private const int Partitions = 8;

    public string Name => "es-sink";

    public string Description => "connect sink (one process) draining ~500-byte JSON documents into the Elasticsearch contract server: records/s, CPU per record, peak RSS";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var records = context.IntOption("records", 60_000);
        var topic = await TestKafka.CreateTopicAsync(Partitions, "bench-es-sink");
        var name = TestNames.Unique("bench", "es-sink", '-', 60);
        await using var server = new ElasticsearchContractServer();
        var document = Encoding.UTF8.GetByteCount(Document(records - 1));
        await Backlog.ProduceAsync(
            topic, records, Partitions,
            i => (Encoding.UTF8.GetBytes("order-" + i.ToString(CultureInfo.InvariantCulture)), Encoding.UTF8.GetBytes(Document(i))),
            cancellationToken);
        var config = Path.Combine(Path.GetTempPath(), name + ".properties");
        await File.WriteAllTextAsync(config, EsSinkConnectorFile.Properties(name, topic, server.Url), cancellationToken);
        var port = LocalPort.Free();
        using var http = new HttpClient();
        var environment = new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = TestKafka.BootstrapServers };
        var started = Stopwatch.GetTimestamp();
        TimeSpan? firstRead = null;
        TimeSpan drained;
        (long Peak, long Current)? memory;
        TimeSpan cpu;
        await using (var sink = ConnectVerbProcess.Start(context.ConnectDll, ["sink", "--config", config, "--http-port", port.ToString(CultureInfo.InvariantCulture)], environment))
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (sink.HasExited)
                {
                    throw new InvalidOperationException("connect sink exited: " + sink.StandardErrorTail);
                }

                var metrics = await ScrapeAsync(http, port, cancellationToken);
                if (metrics is not null)
                {
                    if (firstRead is null && Value(metrics, "kafka_connect_sink_task_sink_record_read_total ") > 0)
                    {
                        firstRead = Stopwatch.GetElapsedTime(started);
                    }

                    var committedLag = Lines(metrics, "kafka_connect_sink_task_committed_lag{").ToList();
                    if (committedLag.Count == Partitions && committedLag.All(v => v == 0))
                    {
                        drained = Stopwatch.GetElapsedTime(started);
                        break;
                    }
                }

                await Task.Delay(100, cancellationToken);
            }

            memory = ProcessMemory.Read(sink.Pid);
            cpu = ProcessCpu.Read(sink.Pid) ?? TimeSpan.Zero;
            var exit = await sink.StopAsync(TimeSpan.FromSeconds(30));
            if (exit != 0)
            {
                throw new InvalidOperationException($"connect sink exited with {exit}: {sink.StandardErrorTail}");
            }
        }

        File.Delete(config);
        var indexed = server.Cluster.Read(indices => indices.TryGetValue(topic, out var index) ? index.Live.Count() : 0);
        var drain = drained - (firstRead ?? TimeSpan.Zero);
        var perSecond = records / drain.TotalSeconds;
        var complete = indexed == records && server.Violations.IsEmpty;
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{records} records of {document} bytes (JSON, schemas.enable=false, string keys), {Partitions} partitions, connector defaults " +
            $"(batch.size 2000, max.in.flight.requests 5, max.poll.records 500); first record read {firstRead?.TotalSeconds:F1} s after start, " +
            $"drained in {drain.TotalSeconds:F1} s; {indexed} documents indexed, {server.Requests.Count} bulk requests; load average {ProcessCpu.LoadAverage()}");
        BenchContext.Log($"es-sink: {perSecond:F0} records/s, CPU {cpu.TotalSeconds:F1} s, peak RSS {memory?.Peak / 1048576.0:F0} MiB; {notes}");
        return
        [
            new BenchResult(Name, "throughput, 1 process", perSecond.ToString("F0", CultureInfo.InvariantCulture), "records/s", "nothing lost", complete, notes),
            new BenchResult(Name, "CPU per record (whole process life)", (cpu.TotalMicroseconds / records).ToString("F1", CultureInfo.InvariantCulture), "µs",
                "", null, "user + system time of connect sink from start to drained, / records; the contract server runs in the harness process"),
            new BenchResult(Name, "peak RSS (VmHWM)", ((memory?.Peak ?? 0) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture), "MiB", "", null,
                "connect sink process; current RSS at the end " + ((memory?.Current ?? 0) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB"),
            new BenchResult(Name, "harness peak RSS", ProcessMemory.MiB(ProcessMemory.OwnPeakBytes), "MiB", "", null,
                "VmHWM of the harness process during the scenario: the Elasticsearch contract server, holding every document it indexed, and the backlog producer"),
        ];
    }

    private static string Document(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return "{\"id\":" + n + ",\"customer\":\"customer-" + n + "\",\"email\":\"user" + n + "@example.com\",\"status\":\"" +
            (i % 3 == 0 ? "SHIPPED" : "CREATED") + "\",\"total\":" + (i * 3.25 + 0.5).ToString("F2", CultureInfo.InvariantCulture) +
            ",\"currency\":\"EUR\",\"paid\":" + (i % 2 == 0 ? "true" : "false") + ",\"items\":" + (i % 7 + 1).ToString(CultureInfo.InvariantCulture) +
            ",\"tags\":[\"priority\",\"web\",\"region-" + (i % 5).ToString(CultureInfo.InvariantCulture) + "\"],\"address\":{\"street\":\"" + n +
            " Long Street Name\",\"city\":\"Amsterdam\",\"zip\":\"1011 AB\",\"country\":\"NL\"},\"note\":\"standard delivery, leave the parcel at " +
            "the door; call ahead when nobody is home\",\"created_at\":\"2026-11-30T12:00:00.000Z\",\"updated_at\":" +
            (1_764_504_000_000L + i).ToString(CultureInfo.InvariantCulture) + ",\"source\":\"orders-service\",\"channel\":\"web-shop-eu-west\"}";
    }

    private static async Task<string?> ScrapeAsync(HttpClient http, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static double Value(string metrics, string prefix) => Lines(metrics, prefix).FirstOrDefault();

    private static IEnumerable<double> Lines(string metrics, string prefix) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) || (prefix.EndsWith(' ') && l.StartsWith(prefix.TrimEnd() + "{", StringComparison.Ordinal)))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
