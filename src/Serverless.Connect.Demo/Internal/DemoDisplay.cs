using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Serverless.Connect.Demo.Internal;

/// <summary>The live progress view: a table redrawn every second on a terminal, a plain line every 5 s otherwise.</summary>
internal static class DemoDisplay
{
    public static IRenderable Table(string title, IReadOnlyList<Stage> stages, string footer)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title));
        table.AddColumn("stage");
        table.AddColumn("state");
        table.AddColumn(new TableColumn("records").RightAligned());
        table.AddColumn(new TableColumn("rec/s").RightAligned());
        table.AddColumn(new TableColumn("lag").RightAligned());
        table.AddColumn(new TableColumn("DLQ").RightAligned());
        table.AddColumn(new TableColumn("p50/p99 ms").RightAligned());
        var notes = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var stage in stages)
        {
            var state = stage.State switch
            {
                StageState.Running => "[green]running[/]",
                StageState.Failed => "[red]failed[/]",
                StageState.Skipped => "[grey]skipped[/]",
                StageState.Waiting => "[yellow]waiting[/]",
                _ => Markup.Escape(stage.State.ToString().ToLowerInvariant()),
            };
            var skipped = stage.State == StageState.Skipped;
            table.AddRow(
                new Markup(Markup.Escape(stage.Name)),
                new Markup(state),
                new Spectre.Console.Text(skipped ? "-" : stage.Records.ToString("N0", CultureInfo.InvariantCulture)),
                new Spectre.Console.Text(skipped ? "-" : stage.RecordsPerSecond.ToString("F0", CultureInfo.InvariantCulture)),
                new Spectre.Console.Text(Lag(stage)),
                new Spectre.Console.Text(stage.DeadLetters?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Spectre.Console.Text(Latency(stage)));
            var note = stage.Note is { } n ? stage.What + "; " + n : stage.What;
            notes.AddRow(new Markup(Markup.Escape(stage.Name)), new Markup("[grey]" + Markup.Escape(note) + "[/]"));
        }

        return new Rows(table, notes, new Markup("[grey]" + Markup.Escape(footer) + "[/]"));
    }

    public static string Line(TimeSpan elapsed, IReadOnlyList<Stage> stages)
    {
        var parts = stages.Select(s => s.State == StageState.Skipped
            ? $"{s.Name} skipped"
            : string.Create(CultureInfo.InvariantCulture,
                $"{s.Name} {s.Records} ({s.RecordsPerSecond:F0}/s{(s.Lag is null ? "" : ", lag " + Lag(s))}{(s.DeadLetters is { } d ? $", dlq {d}" : "")}){(s.State == StageState.Running ? "" : " " + s.State.ToString().ToLowerInvariant())}"));
        return string.Create(CultureInfo.InvariantCulture, $"demo {elapsed.TotalSeconds:F0}s: {string.Join(" | ", parts)}");
    }

    private static string Lag(Stage stage) => stage.Lag switch
    {
        null => "-",
        { } bytes when stage.LagUnit == "B" => bytes < 0 ? "-" : bytes >= 1 << 20
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB"),
        { } n => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Latency(Stage stage) =>
        stage.Latency.Percentile(50) is { } p50
            ? string.Create(CultureInfo.InvariantCulture, $"{p50:F0} / {stage.Latency.Percentile(99):F0}")
            : "-";
}
