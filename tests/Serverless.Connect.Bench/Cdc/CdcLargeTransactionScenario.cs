namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// Issue 4's bounded-memory check: one transaction of --rows (1,000,000) rows streams through; the figure is the
/// reader's peak RSS (plus its rate). Option --format as for <c>cdc</c> (default envelope).
/// </summary>
internal sealed class CdcLargeTransactionScenario : IBenchScenario
{
    public string Name => "cdc-large-tx";

    public string Description => "CDC reader: one 1,000,000-row transaction, peak RSS (bounded memory) and rows/s";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.IntOption("rows", 1_000_000);
        var format = context.Option("format") is { } f && !f.Contains(',', StringComparison.Ordinal) ? f : "envelope";
        var (m, summary) = await CdcRepeats.RunAsync(
            context, () => CdcBenchmark.RunAsync(context, rows, rows, CdcFormats.Overrides(format, context.Option("set")), cancellationToken));
        return CdcFormats.Results(Name, format, m, summary).ToList();
    }
}
