namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// Issue 4's figure: rows/s from commit to Kafka acknowledgement for small rows, against pg_recvlogical decoding the same
/// WAL, and the reader's peak RSS. Options: --rows (1,000,000), --tx-size (1000), --partitions (4), --repeat (1, the best run is reported), --format
/// (envelope: Debezium's envelope, JsonConverter with schemas, Connect's default; flat: ExtractNewRecordState and JSON
/// without schemas, the tuned Debezium configuration of the published 45k msg/s drain benchmark).
/// </summary>
internal sealed class CdcStreamingScenario : IBenchScenario
{
    public string Name => "cdc";

    public string Description => "CDC reader drain: commit → Kafka ack rows/s vs pg_recvlogical on the same WAL, peak RSS";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.IntOption("rows", 1_000_000);
        var txSize = context.IntOption("tx-size", 1000);
        var formats = (context.Option("format") ?? "envelope,flat").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var results = new List<BenchResult>();
        foreach (var format in formats)
        {
            var (m, summary) = await CdcRepeats.RunAsync(
                context, () => CdcBenchmark.RunAsync(context, rows, txSize, CdcFormats.Overrides(format, context.Option("set")), cancellationToken));
            results.AddRange(CdcFormats.Results(Name, format, m, summary));
        }

        return results;
    }
}
