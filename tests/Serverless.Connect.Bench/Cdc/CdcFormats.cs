using System.Globalization;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>The connector configurations the CDC scenarios measure, and how their figures are reported.</summary>
internal static class CdcFormats
{
    public const double RowsPerSecondTarget = 60_000;
    public const double RatioTarget = 0.5;
    public const double RssTargetMiB = 150;

    /// <summary>The connector keys for <paramref name="format"/>, then <c>--set "key=value;key=value"</c> on top.</summary>
    public static IReadOnlyDictionary<string, string> Overrides(string format, string? extra)
    {
        var config = new Dictionary<string, string>(Base(format), StringComparer.Ordinal);
        foreach (var pair in (extra ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            config[pair[..eq]] = pair[(eq + 1)..];
        }

        return config;
    }

    private static IReadOnlyDictionary<string, string> Base(string format) => format switch
    {
        // Connect's defaults: the full Debezium envelope through JsonConverter with schemas.enable=true.
        "envelope" => new Dictionary<string, string>(),
        // What the published tuned-Debezium drain benchmark ran: ExtractNewRecordState and JSON without schemas.
        "flat" => new Dictionary<string, string>
        {
            ["transforms"] = "unwrap",
            ["transforms.unwrap.type"] = "io.debezium.transforms.ExtractNewRecordState",
            ["key.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["key.converter.schemas.enable"] = "false",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
        },
        _ => throw new ArgumentException($"unknown --format '{format}' (envelope or flat)", nameof(format)),
    };

    public static IEnumerable<BenchResult> Results(string scenario, string format, CdcMeasurement m, string summary = "")
    {
        var shape = string.Create(CultureInfo.InvariantCulture, $"{m.Rows:N0} rows, {m.TransactionSize:N0}/tx, format {format}") +
            (summary.Length > 0 ? "; " + summary : string.Empty);
        var rss = m.ReaderPeakRssBytes / 1048576.0;
        var checks = m.KafkaMessages == m.Rows && m.SlotConfirmed
            ? "Kafka end offsets = rows; slot confirmed after stop"
            : string.Create(CultureInfo.InvariantCulture, $"CHECK FAILED: {m.KafkaMessages:N0} messages in Kafka, slot confirmed={m.SlotConfirmed}");
        yield return new BenchResult(scenario, $"reader rows/s ({format})", F(m.ReaderRowsPerSecond), "rows/s", ">= 60,000", m.ReaderRowsPerSecond >= RowsPerSecondTarget,
            string.Create(CultureInfo.InvariantCulture, $"{shape}; slot active to last Kafka ack {m.ReaderSeconds:0.00} s (process start to last ack {m.ReaderWallSeconds:0.00} s); {checks}"));
        yield return new BenchResult(scenario, $"pg_recvlogical rows/s ({format} run)", F(m.DecoderRowsPerSecond), "rows/s", "", null,
            string.Create(CultureInfo.InvariantCulture, $"same WAL, own slot, pgoutput proto 1, -f /dev/null: {m.DecoderSeconds:0.00} s"));
        yield return new BenchResult(scenario, $"ratio reader / pg_recvlogical ({format})", m.Ratio.ToString("0.00", CultureInfo.InvariantCulture), "", ">= 0.5", m.Ratio >= RatioTarget, shape);
        yield return new BenchResult(scenario, $"reader CPU per row ({format})", (m.ReaderCpuSeconds * 1e6 / m.Rows).ToString("0.0", CultureInfo.InvariantCulture), "µs/row", "", null,
            string.Create(CultureInfo.InvariantCulture, $"user+system CPU of the reader process while streaming, {m.ReaderCpuSeconds:0.00} s; load average {m.LoadAverage} on {Environment.ProcessorCount} cores"));
        yield return new BenchResult(scenario, $"reader peak RSS ({format})", rss.ToString("0.0", CultureInfo.InvariantCulture), "MiB", "< 150", rss < RssTargetMiB,
            "VmHWM of the reader process (`connect cdc`)");
        yield return new BenchResult(scenario, $"pg_recvlogical peak RSS ({format} run)", ProcessMemory.MiB(m.DecoderPeakRssBytes), "MiB", "", null,
            "VmHWM of pg_recvlogical, read every 10 ms while it decodes");
        yield return HarnessRss(scenario, format, m);
    }

    private static BenchResult HarnessRss(string scenario, string format, CdcMeasurement m) =>
        new(scenario, $"harness peak RSS ({format} run)", ProcessMemory.MiB(m.HarnessPeakRssBytes), "MiB", "", null,
            "VmHWM of the harness process during the run (reset at its start): it hosts the 3-broker Kafka mock cluster the reader writes to " +
            "(which keeps the newest 5 MiB per partition) and inserts the rows");

    /// <summary>The figures of a snapshot run: no pg_recvlogical comparison (a snapshot is a table read, not WAL).</summary>
    public static IEnumerable<BenchResult> SnapshotResults(string scenario, string format, CdcMeasurement m, string summary = "")
    {
        var shape = string.Create(CultureInfo.InvariantCulture, $"{m.Rows:N0} rows read by snapshot.mode=initial, format {format}") +
            (summary.Length > 0 ? "; " + summary : string.Empty);
        var rss = m.ReaderPeakRssBytes / 1048576.0;
        var checks = m.KafkaMessages == m.Rows && m.SlotConfirmed
            ? "Kafka end offsets = rows; slot confirmed after stop"
            : string.Create(CultureInfo.InvariantCulture, $"CHECK FAILED: {m.KafkaMessages:N0} messages in Kafka, slot confirmed={m.SlotConfirmed}");
        yield return new BenchResult(scenario, $"snapshot rows/s ({format})", F(m.ReaderRowsPerSecond), "rows/s", "", null,
            string.Create(CultureInfo.InvariantCulture, $"{shape}; slot created to last Kafka ack {m.ReaderSeconds:0.00} s; {checks}"));
        yield return new BenchResult(scenario, $"reader CPU per row ({format})", (m.ReaderCpuSeconds * 1e6 / m.Rows).ToString("0.0", CultureInfo.InvariantCulture), "µs/row", "", null,
            string.Create(CultureInfo.InvariantCulture, $"{m.ReaderCpuSeconds:0.00} s CPU; load average {m.LoadAverage} on {Environment.ProcessorCount} cores"));
        yield return new BenchResult(scenario, $"reader peak RSS ({format})", rss.ToString("0.0", CultureInfo.InvariantCulture), "MiB", "< 150", rss < RssTargetMiB,
            "VmHWM of the reader process (`connect cdc`): the table is read through a cursor, snapshot.fetch.size rows at a time");
        yield return HarnessRss(scenario, format, m);
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
