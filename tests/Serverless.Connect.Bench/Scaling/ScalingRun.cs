using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Connect.Bench.EsSink;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench.Scaling;

/// <summary>
/// One drain: a backlog on a fresh 8-partition topic, <c>connect sink</c> worker processes in one group writing to
/// the Elasticsearch contract server, and <c>connect lag --watch --json</c> sampling the group the whole time.
/// </summary>
internal sealed class ScalingRun
{
    public const int Partitions = 8;

    private readonly BenchContext _context;
    private readonly int _records;
    private readonly long _lagThreshold;

    public ScalingRun(BenchContext context, int records, long lagThreshold)
    {
        _context = context;
        _records = records;
        _lagThreshold = lagThreshold;
    }

    /// <summary>
    /// Drains the backlog with <paramref name="workers"/> workers. With <paramref name="rebalance"/> writes are throttled
    /// (1 ms every 2 documents, so the drain outlasts the mock cluster's rebalances) and one more worker joins at a
    /// quarter, writing to an Elasticsearch server of its own so its share is visible; once it has written and half the
    /// backlog is written, the first worker stops (SIGTERM). Every key must then be in one of the two servers.
    /// </summary>
    public async Task<ScalingOutcome> RunAsync(int workers, bool rebalance, CancellationToken cancellationToken)
    {
        ProcessMemory.ResetOwnPeak();
        var topic = await TestKafka.CreateTopicAsync(Partitions, "bench-scaling");
        var name = TestNames.Unique("bench", "scaling", '-', 60);
        await using var server = new ElasticsearchContractServer();
        await using var joinerServer = new ElasticsearchContractServer();
        ElasticsearchContractServer[] servers = rebalance ? [server, joinerServer] : [server];
        await Backlog.ProduceAsync(
            topic, _records, Partitions,
            i => (Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"k{i}")),
                  Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":\"customer {i}\",\"amount\":{i % 1000}.25}}"))),
            cancellationToken);
        if (rebalance)
        {
            var items = 0;
            foreach (var s in servers)
            {
                s.Faults.ItemFault = _ =>
                {
                    if (Interlocked.Increment(ref items) % 2 == 0)
                    {
                        Thread.Sleep(1);
                    }

                    return null;
                };
            }
        }

        var config = Path.Combine(Path.GetTempPath(), name + ".properties");
        var joinerConfig = Path.Combine(Path.GetTempPath(), name + "-joiner.properties");
        await File.WriteAllTextAsync(config, Connector(name, topic, server.Url), cancellationToken);
        await File.WriteAllTextAsync(joinerConfig, Connector(name, topic, joinerServer.Url), cancellationToken);
        var environment = new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = TestKafka.BootstrapServers };
        var samples = new List<LagSample>();
        var clock = Stopwatch.StartNew();
        var loadAtStart = ProcessCpu.LoadAverage();
        var processes = new List<ConnectVerbProcess>();
        var cpu = new Dictionary<int, TimeSpan>();
        try
        {
            await using var watcher = ConnectVerbProcess.Start(
                _context.ConnectDll,
                ["lag", "--bootstrap-servers", TestKafka.BootstrapServers, "--group", "connect-" + name, "--topic", topic,
                 "--lag-threshold", _lagThreshold.ToString(CultureInfo.InvariantCulture), "--offset-reset-policy", "earliest", "--watch", "0.5", "--json"],
                environment,
                line => Keep(samples, clock.Elapsed, line));
            for (var i = 0; i < workers; i++)
            {
                processes.Add(StartWorker(config, environment));
            }

            TimeSpan? firstWrite = null;
            var cpuAtFirstWrite = TimeSpan.Zero;
            Task<int>? leaving = null;
            ConnectVerbProcess? joiner = null;
            long operations = 0;
            var lastCheck = TimeSpan.Zero;
            while (true)
            {
                await Task.Delay(20, cancellationToken);
                var written = servers.Sum(s => Count(s, topic));
                foreach (var s in servers)
                {
                    while (s.Requests.TryDequeue(out var request))
                    {
                        operations += request.Operations;
                    }
                }

                foreach (var process in processes)
                {
                    if (ProcessCpu.Read(process.Pid) is { } used)
                    {
                        cpu[process.Pid] = used;
                    }

                    process.SampleMemory();
                }

                if (firstWrite is null && written > 0)
                {
                    firstWrite = clock.Elapsed;
                    cpuAtFirstWrite = cpu.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
                }

                // A key can be in both servers (redelivered after a rebalance): the count is only a hint, the keys decide.
                if (written >= _records && clock.Elapsed - lastCheck > TimeSpan.FromMilliseconds(100))
                {
                    lastCheck = clock.Elapsed;
                    if (Missing(servers, topic) == 0)
                    {
                        break;
                    }
                }

                if (rebalance && joiner is null && written >= _records / 4)
                {
                    joiner = StartWorker(joinerConfig, environment);
                    processes.Add(joiner);
                }

                if (joiner is not null && leaving is null && written >= _records / 2 && Count(joinerServer, topic) > 0)
                {
                    leaving = processes[0].StopAsync(TimeSpan.FromSeconds(30));
                }

                if (processes.Find(p => p.HasExited && p != processes[0]) is { } dead)
                {
                    throw new InvalidOperationException($"a sink worker exited during the run: {dead.StandardErrorTail}");
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException($"{written} of {_records} documents after 10 minutes");
                }
            }

            var drained = clock.Elapsed;
            var workerCpu = cpu.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b) - cpuAtFirstWrite;
            if (leaving is not null && await leaving != 0)
            {
                throw new InvalidOperationException($"the worker that left exited with {processes[0].StandardErrorTail}");
            }

            // Commits follow the writes; wait for the lag to reach zero in the watcher's output.
            var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
            while (LastOf(samples) is not { TotalLag: 0 } && clock.Elapsed < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }

            var missing = Missing(servers, topic);
            var final = LastOf(samples);
            List<LagSample> all;
            lock (samples)
            {
                all = [.. samples];
            }

            var joinerWrote = Count(joinerServer, topic);
            var plan = !rebalance ? workers.ToString(CultureInfo.InvariantCulture)
                : leaving is null ? $"{workers}, +1 at 1/4 (it wrote {joinerWrote} but too late for one to leave)"
                : $"{workers}, +1 at 1/4 (it wrote {joinerWrote}), -1 at 1/2";
            return new ScalingOutcome(
                plan, _records, firstWrite!.Value, drained - firstWrite.Value, operations - _records, missing, all,
                all.Count(s => !s.FollowsFormula(_lagThreshold)), final?.TotalLag ?? -1, final?.DesiredReplicas ?? -1,
                workerCpu, $"{loadAtStart} → {ProcessCpu.LoadAverage()}",
                processes.Select(p => p.PeakRssBytes).ToList(), watcher.PeakRssBytes, ProcessMemory.OwnPeakBytes);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            File.Delete(config);
            File.Delete(joinerConfig);
        }
    }

    private static int Count(ElasticsearchContractServer server, string topic) =>
        server.Cluster.Read(indices => indices.TryGetValue(topic, out var index) ? index.Documents.Count : 0);

    private ConnectVerbProcess StartWorker(string config, Dictionary<string, string> environment) =>
        ConnectVerbProcess.Start(_context.ConnectDll, ["sink", "--config", config], environment);

    // Short session timeouts: a stopped worker's partitions move in seconds, as the scenario measures rebalances.
    private static string Connector(string name, string topic, Uri elasticsearch) =>
        EsSinkConnectorFile.Properties(name, topic, elasticsearch,
            "consumer.override.session.timeout.ms=6000", "consumer.override.heartbeat.interval.ms=1000");

    private static void Keep(List<LagSample> samples, TimeSpan elapsed, string line)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }

        if (json?["totalLag"] is null)
        {
            return;
        }

        var partitions = json["partitions"]!.AsArray();
        var sample = new LagSample(
            elapsed,
            json["totalLag"]!.GetValue<long>(),
            partitions.Sum(p => p!["lag"]!.GetValue<long>()),
            partitions.Count,
            json["desiredReplicas"]!.GetValue<int>());
        lock (samples)
        {
            samples.Add(sample);
        }
    }

    private static LagSample? LastOf(List<LagSample> samples)
    {
        lock (samples)
        {
            return samples.Count == 0 ? null : samples[^1];
        }
    }

    /// <summary>Keys that hold their own record in none of the servers (the sink's external version is the offset, so rewrites show only in the request count).</summary>
    private int Missing(ElasticsearchContractServer[] servers, string topic)
    {
        var found = new bool[_records];
        foreach (var server in servers)
        {
            server.Cluster.Read(indices =>
            {
                if (indices.TryGetValue(topic, out var index))
                {
                    foreach (var (key, document) in index.Documents)
                    {
                        if (key.StartsWith('k') && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _records
                            && document.Source?["id"]?.GetValue<int>() == i)
                        {
                            found[i] = true;
                        }
                    }
                }

                return 0;
            });
        }

        return found.Count(f => !f);
    }
}
