using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Connect.Demo.Internal;

/// <summary>What a run did, printed for people and as one <c>demo-summary {json}</c> line for scripts and tests.</summary>
internal sealed record DemoSummary
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required string Id { get; init; }

    public required double Seconds { get; init; }

    public required LoadSummary Load { get; init; }

    public required IReadOnlyList<TopicSummary> Topics { get; init; }

    public required IReadOnlyList<StageSummary> Stages { get; init; }

    public required S3Summary S3 { get; init; }

    public required IReadOnlyList<TopicSummary> DeadLetterQueues { get; init; }

    public required IReadOnlyList<DeadLetter> DeadLetters { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    public bool Ok => Problems.Count == 0;

    public string ToJsonLine() => "demo-summary " + JsonSerializer.Serialize(this, s_json);

    public void Write(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"== demo summary ({Id}, load ran {Seconds:F0} s) =="));
        output.WriteLine(FormattableString.Invariant($"load: {Load.Inserts} inserts, {Load.Updates} updates, {Load.Deletes} deletes, {Load.OutboxEvents} outbox events ({Load.MalformedEvents} with a non-object payload) in {Load.Transactions} transactions ({Load.Rows / Math.Max(Seconds, 1):F0} rows/s)"));
        output.WriteLine("topics (records = end offsets):");
        foreach (var topic in Topics)
        {
            output.WriteLine(FormattableString.Invariant($"  {topic.Records,8}  {topic.Name}"));
        }

        output.WriteLine("stages:");
        foreach (var stage in Stages)
        {
            var latency = stage.P50Ms is { } p50
                ? string.Create(c, $"p50 {p50:F0} ms, p99 {stage.P99Ms:F0} ms over {stage.LatencySamples} records ({stage.LatencyLabel})")
                : "no latency samples";
            var records = stage.State == StageState.Skipped ? "skipped" : string.Create(c, $"{stage.Records} records");
            output.WriteLine(FormattableString.Invariant($"  {stage.Name,-20} {records,-16} {latency}"));
            if (stage.Note is { } note)
            {
                output.WriteLine(FormattableString.Invariant($"  {"",-20} {note}"));
            }
        }

        output.WriteLine(FormattableString.Invariant($"S3 bucket {S3.Bucket}: {S3.Objects} objects, {S3.Bytes} bytes"));
        foreach (var key in S3.SampleKeys)
        {
            output.WriteLine(FormattableString.Invariant($"  {key}"));
        }

        output.WriteLine(FormattableString.Invariant($"dead letter queues: {string.Join(", ", DeadLetterQueues.Select(d => string.Create(c, $"{d.Name} {d.Records}")))}"));
        foreach (var dead in DeadLetters)
        {
            output.WriteLine(FormattableString.Invariant($"  {dead.Topic}[{dead.Partition}]@{dead.Offset} from {dead.Origin ?? "?"}: {dead.Exception}: {dead.Message}"));
        }

        if (Ok)
        {
            output.WriteLine("result: rows flowed through every stage");
        }
        else
        {
            foreach (var problem in Problems)
            {
                output.WriteLine("result: " + problem);
            }
        }

        output.WriteLine(ToJsonLine());
    }
}
