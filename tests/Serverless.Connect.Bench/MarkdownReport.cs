using System.Globalization;
using System.Text;

namespace Serverless.Connect.Bench;

/// <summary>
/// The results table, and docs/benchmarks.md: a run replaces the rows of the scenarios it ran and keeps the others, so
/// scenarios can be re-measured one at a time.
/// </summary>
internal static class MarkdownReport
{
    private const string Header = "| scenario | figure | value | unit | target | met | notes | measured |";
    private const string Separator = "|---|---|---:|---|---|---|---|---|";

    public static string Table(IEnumerable<BenchResult> results, string measured)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Header).AppendLine(Separator);
        foreach (var r in results)
        {
            sb.AppendLine(Row(r, measured));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Rewrites the file. A run of every scenario (<c>all</c>) replaces the whole table, so every row is from that one
    /// run; a run of some scenarios replaces only their rows and says which rows are older.
    /// </summary>
    public static void Write(
        string path, IReadOnlyList<BenchResult> results, IReadOnlyCollection<string> scenariosRun, MachineInfo machine, DateTimeOffset now, string timing)
    {
        var measured = now.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var kept = new List<string>();
        var everything = ScenarioRegistry.All.All(s => scenariosRun.Contains(s.Name, StringComparer.OrdinalIgnoreCase));
        if (File.Exists(path) && !everything)
        {
            // Rows of scenarios not run this time stay as they were (with their own measured date).
            kept = File.ReadAllLines(path)
                .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l != Header)
                .Where(l => !scenariosRun.Contains(l.Split('|')[1].Trim(), StringComparer.OrdinalIgnoreCase))
                .ToList();
        }

        var order = ScenarioRegistry.All.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        var rows = kept.Concat(results.Select(r => Row(r, measured)))
            .OrderBy(l => order.GetValueOrDefault(l.Split('|')[1].Trim(), int.MaxValue))
            .ToList();

        var sb = new StringBuilder();
        sb.AppendLine("# Benchmarks");
        sb.AppendLine();
        sb.AppendLine("Written by `./tests/bench/run.sh <scenario…|all> --write` (see tests/bench/README.md for what each figure means).");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Last run: {measured} on {machine} (PostgreSQL, the Kafka mock cluster and the programs measured all on this machine).");
        sb.AppendLine();
        sb.AppendLine(everything
            ? $"Every row below is from that one run of every scenario (`./tests/bench/run.sh all --write`); it took {timing}."
            : $"That run measured {string.Join(", ", scenariosRun)} (it took {timing}); the other rows keep the date they were measured.");
        sb.AppendLine();
        sb.AppendLine(Header).AppendLine(Separator);
        foreach (var row in rows)
        {
            sb.AppendLine(row);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sb.ToString());
    }

    private static string Row(BenchResult r, string measured)
    {
        var met = r.Met switch { true => "yes", false => "**no**", null => "" };
        return $"| {Cell(r.Scenario)} | {Cell(r.Figure)} | {Cell(r.Value)} | {Cell(r.Unit)} | {Cell(r.Target)} | {met} | {Cell(r.Notes)} | {measured} |";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
