using System.Diagnostics;
using System.Globalization;
using Serverless.Connect.Bench;

// Usage: Serverless.Connect.Bench <scenario…|all> [--write] [--<option> <value>…]   (see tests/bench/README.md)
var names = new List<string>();
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
var write = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--write")
    {
        write = true;
    }
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("Usage: run.sh <scenario…|all> [--write] [--rows N] [--tx-size N] [--partitions N] [--format envelope,flat] [--set \"k=v;k=v\"]");
        Console.WriteLine("       run.sh --list");
        return 0;
    }
    else if (args[i] == "--list")
    {
        foreach (var s in ScenarioRegistry.All)
        {
            Console.WriteLine($"{s.Name,-16} {s.Description}");
        }

        return 0;
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[args[i][2..]] = args[++i];
    }
    else if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        names.Add(args[i]);
    }
    else
    {
        await Console.Error.WriteLineAsync($"bench: option {args[i]} needs a value");
        return 2;
    }
}

if (names.Count == 0)
{
    await Console.Error.WriteLineAsync("Usage: bench <scenario…|all> [--write] [--rows N] [--tx-size N] …; --list shows the scenarios");
    return 2;
}

var scenarios = new List<IBenchScenario>();
foreach (var name in names)
{
    if (name == "all")
    {
        scenarios.AddRange(ScenarioRegistry.All);
    }
    else if (ScenarioRegistry.Find(name) is { } scenario)
    {
        scenarios.Add(scenario);
    }
    else
    {
        await Console.Error.WriteLineAsync($"bench: unknown scenario '{name}' (known: {string.Join(", ", ScenarioRegistry.All.Select(s => s.Name))})");
        return 2;
    }
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var context = new BenchContext(options);
var results = new List<BenchResult>();
var durations = new List<(string Name, TimeSpan Took)>();
var failed = false;
var run = Stopwatch.StartNew();
foreach (var scenario in scenarios.Distinct())
{
    BenchContext.Log($"scenario {scenario.Name}: {scenario.Description}");
    // Each scenario's "harness peak RSS" is its own, not the highest of the scenarios before it.
    ProcessMemory.ResetOwnPeak();
    BenchContext.Log($"harness RSS at the start of {scenario.Name}: {ProcessMemory.MiB(ProcessMemory.OwnCurrentBytes)} MiB (managed heap {ProcessMemory.MiB(GC.GetTotalMemory(false))} MiB, committed {ProcessMemory.MiB(GC.GetGCMemoryInfo().TotalCommittedBytes)} MiB)");
    var started = run.Elapsed;
    try
    {
        results.AddRange(await scenario.RunAsync(context, cancel.Token));
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        BenchContext.Log($"scenario {scenario.Name} failed: {e}");
        results.Add(new BenchResult(scenario.Name, "run", "failed", "", "", false, e.Message));
        failed = true;
    }

    durations.Add((scenario.Name, run.Elapsed - started));
    BenchContext.Log($"scenario {scenario.Name} took {(run.Elapsed - started).TotalSeconds:F0} s");
}

var now = DateTimeOffset.UtcNow;
var machine = MachineInfo.Current();
var timing = string.Join(", ", durations.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Name} {d.Took.TotalSeconds:F0} s"))) +
    string.Create(CultureInfo.InvariantCulture, $"; total {run.Elapsed.TotalMinutes:F1} min");
Console.WriteLine();
Console.WriteLine($"Machine: {machine}; {now.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; took {timing}");
Console.WriteLine();
Console.Write(MarkdownReport.Table(results, now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
if (write)
{
    // SC_BENCH_REPORT writes the table elsewhere (a trial run that must not replace the published figures).
    var path = Environment.GetEnvironmentVariable("SC_BENCH_REPORT") is { Length: > 0 } report
        ? Path.GetFullPath(report)
        : Path.Combine(context.RepositoryRoot, "docs", "benchmarks.md");
    MarkdownReport.Write(path, results, scenarios.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), machine, now, timing);
    Console.WriteLine();
    Console.WriteLine($"Written to {path}");
}

return failed ? 1 : 0;
