using System.Text.Json;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// The counts one fault run ends with, written to the test output and appended as one JSON line to
/// <c>artifacts/reliability-summary.jsonl</c> so CI's closing note can quote them. Duplicates are records handed to the
/// sink (or to Kafka) more than once; for Elasticsearch they are idempotent re-puts by document id.
/// </summary>
internal sealed record FaultReport(string Suite, string Fault, long Records, long Lost, long Duplicates, long Redeliveries = 0, string? Note = null)
{
    private static readonly Lock s_lock = new();

    public static string SummaryPath => Path.Combine(RepositoryPaths.Root, "artifacts", "reliability-summary.jsonl");

    public void Write(ITestOutputHelper output)
    {
        output.WriteLine($"[{Suite}] {Fault}: records={Records} lost={Lost} duplicates={Duplicates} redeliveries={Redeliveries}{(Note is null ? "" : " " + Note)}");
        var line = JsonSerializer.Serialize(new
        {
            suite = Suite,
            fault = Fault,
            records = Records,
            lost = Lost,
            duplicates = Duplicates,
            redeliveries = Redeliveries,
            note = Note,
            at = DateTimeOffset.UtcNow,
        });
        lock (s_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SummaryPath)!);
            File.AppendAllLines(SummaryPath, [line]);
        }
    }
}
