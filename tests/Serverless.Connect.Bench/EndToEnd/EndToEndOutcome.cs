using System.Globalization;

namespace Serverless.Connect.Bench.EndToEnd;

/// <summary>What one fixed-rate run measured; process arrays are in the order reader, sink, kafka.</summary>
/// <param name="Rate">The rate asked for, rows/s.</param>
/// <param name="Seconds">How long the measured phase inserted.</param>
/// <param name="TickMilliseconds">How often a transaction committed.</param>
/// <param name="Rows">Rows inserted in the measured phase.</param>
/// <param name="Achieved">Rows/s between the first and the last measured commit.</param>
/// <param name="Transactions">Transactions committed (warm-up included).</param>
/// <param name="Latencies">Commit → document latencies of the rows that arrived, in ms, sorted.</param>
/// <param name="Lost">Measured rows that had not reached Elasticsearch 60 s after the last insert (must be 0).</param>
/// <param name="Complete">Whether every measured row arrived within the wait.</param>
/// <param name="Again">Bulk items that arrived for a row a second time (redelivery).</param>
/// <param name="Cpu">CPU time (user + system) each process used during the measured phase.</param>
/// <param name="PeakRss">Each process's VmHWM in bytes.</param>
/// <param name="HarnessPeakRss">The harness's VmHWM (inserter and Elasticsearch contract server).</param>
/// <param name="ExitCodes">Each process's exit code on SIGTERM (0 expected).</param>
/// <param name="Load">Load average at the start and end of the measured phase.</param>
/// <param name="CommitToKafkaTimestamp">
/// Per row, the Kafka record timestamp the reader's producer set minus the wall-clock commit time, in ms, sorted: the
/// reader's share of the latency (ms resolution; the rest is Kafka, the sink's fetch and batching).
/// </param>
internal sealed record EndToEndOutcome(
    int Rate,
    int Seconds,
    int TickMilliseconds,
    long Rows,
    double Achieved,
    long Transactions,
    IReadOnlyList<double> Latencies,
    long Lost,
    bool Complete,
    long Again,
    IReadOnlyList<TimeSpan> Cpu,
    IReadOnlyList<long> PeakRss,
    long HarnessPeakRss,
    IReadOnlyList<int> ExitCodes,
    string Load,
    IReadOnlyList<double> CommitToKafkaTimestamp)
{
    private static readonly string[] s_processes = ["connect cdc", "connect sink", "connect kafka"];

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Rows:N0} rows at {Achieved:N0} rows/s; latency p50 {P(0.50):F0} ms, p99 {P(0.99):F0} ms, max {P(1):F0} ms " +
        $"(commit → Kafka timestamp p50 {Percentile(CommitToKafkaTimestamp, 0.5):F0} ms, p99 {Percentile(CommitToKafkaTimestamp, 0.99):F0} ms); missing {Lost}, sent again {Again}; " +
        $"CPU {string.Join(", ", s_processes.Select((p, i) => $"{p} {Cpu[i].TotalSeconds:F1} s"))}; " +
        $"RSS {string.Join(", ", s_processes.Select((p, i) => $"{p} {ProcessMemory.MiB(PeakRss[i])} MiB"))}, harness {ProcessMemory.MiB(HarnessPeakRss)} MiB; " +
        $"exit codes {string.Join(",", ExitCodes)}; load {Load}");

    /// <summary>The nearest-rank percentile of the latencies (1 = the maximum), NaN when nothing arrived.</summary>
    public double P(double quantile) => Percentile(Latencies, quantile);

    private static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    public IReadOnlyList<BenchResult> Results(string scenario)
    {
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"{Rows:N0} rows over {Seconds} s (after a warm-up at the same rate), {Transactions:N0} transactions of ~{Rate * TickMilliseconds / 1000} rows (one every {TickMilliseconds} ms); " +
            $"PostgreSQL → connect cdc (unwrap, JsonConverter without schemas) → connect kafka (3 mock brokers, 4 partitions) → connect sink " +
            $"(Elasticsearch, upsert, key = id) → contract server in the harness; from COMMIT returned to bulk item read, one monotonic clock; " +
            $"the mock broker holds each Fetch for the sink consumer's full fetch.wait.max.ms (500 ms), which adds a uniform 0–500 ms a real broker does not (tests/bench/README.md)");
        var ok = Lost == 0 && Complete && ExitCodes.All(c => c == 0);
        var checks = string.Create(CultureInfo.InvariantCulture,
            $"missing 60 s after the last insert {Lost}, sent again {Again}, exit codes on SIGTERM (cdc, sink, kafka) {string.Join(", ", ExitCodes)}; load {Load}");
        var results = new List<BenchResult>
        {
            new(scenario, "latency p50, commit → Elasticsearch", Ms(P(0.50)), "ms", "", null, shape),
            new(scenario, "latency p50 / p99, commit → Kafka record timestamp", $"{Ms(Percentile(CommitToKafkaTimestamp, 0.5))} / {Ms(Percentile(CommitToKafkaTimestamp, 0.99))}", "ms", "", null,
                "the reader's share: the timestamp its producer gave the record (copied into the document by InsertField timestamp.field) minus the commit's wall-clock time, ms resolution"),
            new(scenario, "latency p99, commit → Elasticsearch", Ms(P(0.99)), "ms", "", null,
                string.Create(CultureInfo.InvariantCulture, $"p99.9 {Ms(P(0.999))} ms; for comparison: Debezium on MSK Connect at 6k ops/s, p99 ≈ 499 ms (Sequin's benchmark, Postgres → Kafka only)")),
            new(scenario, "latency max", Ms(P(1)), "ms", "", null, "the slowest of the measured rows"),
            new(scenario, "achieved rate", Achieved.ToString("N0", CultureInfo.InvariantCulture), "rows/s",
                string.Create(CultureInfo.InvariantCulture, $"{Rate:N0} ± 1 %, nothing lost"), ok && Math.Abs(Achieved - Rate) <= Rate * 0.01,
                string.Create(CultureInfo.InvariantCulture, $"first to last measured commit; {checks}")),
        };
        for (var i = 0; i < s_processes.Length; i++)
        {
            var perRow = Cpu[i].TotalMicroseconds / Rows;
            results.Add(new(scenario, $"peak RSS, {s_processes[i]}", ProcessMemory.MiB(PeakRss[i]), "MiB", i == 0 ? "< 150" : "", i == 0 ? PeakRss[i] < 150L * 1048576 : null,
                string.Create(CultureInfo.InvariantCulture, $"VmHWM of the process (whole life); its CPU during the measured phase {Cpu[i].TotalSeconds:F1} s = {perRow:F1} µs/row")));
        }

        results.Add(new(scenario, "harness peak RSS", ProcessMemory.MiB(HarnessPeakRss), "MiB", "", null,
            "VmHWM of the harness during the scenario: the paced inserter and the Elasticsearch contract server holding every document"));
        return results;
    }

    private static string Ms(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F0", CultureInfo.InvariantCulture);
}
