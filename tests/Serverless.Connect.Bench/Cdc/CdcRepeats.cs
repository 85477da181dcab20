using System.Globalization;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// Runs a CDC measurement <c>--repeat</c> times (default 1). On a shared machine the least disturbed run is the
/// closest to what the code can do, so the run with the best reader rate is reported; the notes add the median rate
/// and the highest peak RSS of all runs (memory is reported at its worst).
/// </summary>
internal static class CdcRepeats
{
    public static async Task<(CdcMeasurement Best, string Summary)> RunAsync(BenchContext context, Func<Task<CdcMeasurement>> run)
    {
        var repeats = Math.Max(1, context.IntOption("repeat", 1));
        var runs = new List<CdcMeasurement>();
        for (var i = 0; i < repeats; i++)
        {
            runs.Add(await run());
        }

        var best = runs.MaxBy(m => m.ReaderRowsPerSecond)!;
        var worstRss = runs.Max(m => m.ReaderPeakRssBytes);
        var worstDecoderRss = runs.Max(m => m.DecoderPeakRssBytes);
        var worstHarnessRss = runs.Max(m => m.HarnessPeakRssBytes);
        if (repeats == 1)
        {
            return (best, string.Empty);
        }

        var rates = runs.Select(m => m.ReaderRowsPerSecond).Order().ToList();
        var ratios = runs.Select(m => m.Ratio).Where(r => !double.IsNaN(r)).Order().ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"best of {repeats} runs; median reader {rates[rates.Count / 2]:N0} rows/s") +
            (ratios.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", median ratio {ratios[ratios.Count / 2]:0.00}") : string.Empty);
        return (best with { ReaderPeakRssBytes = worstRss, DecoderPeakRssBytes = worstDecoderRss, HarnessPeakRssBytes = worstHarnessRss }, summary + "; peak RSS is the highest of all runs");
    }
}
