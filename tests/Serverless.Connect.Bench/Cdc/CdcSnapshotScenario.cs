namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// Issue 4's "big tables stream through in bounded memory": a table of --rows (1,000,000) small rows read by the
/// reader's initial snapshot; the figures are its rate and peak RSS. Option --format as for <c>cdc</c> (default envelope).
/// </summary>
internal sealed class CdcSnapshotScenario : IBenchScenario
{
    public string Name => "cdc-snapshot";

    public string Description => "CDC reader: initial snapshot of a 1,000,000-row table, rows/s and peak RSS (bounded memory)";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.IntOption("rows", 1_000_000);
        var format = context.Option("format") is { } f && !f.Contains(',', StringComparison.Ordinal) ? f : "envelope";
        var (m, summary) = await CdcRepeats.RunAsync(
            context, () => CdcBenchmark.RunAsync(context, rows, 10_000, CdcFormats.Overrides(format, context.Option("set")), cancellationToken, snapshot: true));
        return CdcFormats.SnapshotResults(Name, format, m, summary).ToList();
    }
}
