using System.Text.Json;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.IntegrationTests.Cli;

public sealed class DemoVerbTests
{
    [Fact]
    public async Task Demo_runs_the_seed_pipeline_and_its_summary_shows_rows_in_every_stage()
    {
        // The fixtures start the services if needed, so the demo finds them running and leaves them up.
        _ = LocalServices.Current;
        var (exit, stdout, stderr) = await ConnectProcess.RunAsync(
            ["demo", "--duration", "15", "--rate", "200", "--no-install"], timeout: TimeSpan.FromMinutes(6));

        var line = stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("demo-summary ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no demo-summary line (exit {exit}):\n{stdout}\n{stderr}");
        Assert.True(exit == 0, $"exit {exit}:\n{stdout}\n{stderr}");
        using var summary = JsonDocument.Parse(line["demo-summary ".Length..]);
        var root = summary.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Empty(root.GetProperty("problems").EnumerateArray());

        var load = root.GetProperty("load");
        foreach (var kind in new[] { "inserts", "updates", "deletes", "outboxEvents" })
        {
            Assert.True(load.GetProperty(kind).GetInt64() > 0, $"the load made no {kind}");
        }

        var topics = root.GetProperty("topics").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("records").GetInt64());
        Assert.Equal(4, topics.Count);
        Assert.All(topics, t => Assert.True(t.Value > 0, $"topic {t.Key} is empty"));
        Assert.Contains(topics.Keys, t => t.EndsWith(".events.OrderCreated", StringComparison.Ordinal));
        Assert.Contains(topics.Keys, t => t.EndsWith(".events.OrderShipped", StringComparison.Ordinal));

        // Every outbox row became exactly one routed event.
        var events = topics.Where(t => t.Key.Contains(".events.", StringComparison.Ordinal)).Sum(t => t.Value);
        Assert.Equal(load.GetProperty("outboxEvents").GetInt64(), events);

        var stages = root.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        foreach (var name in new[] { "postgres-source", "outbox-connector", "s3-sink" })
        {
            var stage = stages[name];
            Assert.Equal("stopped", stage.GetProperty("state").GetString());
            Assert.True(stage.GetProperty("records").GetInt64() > 0, $"{name} moved no records");
            Assert.True(stage.GetProperty("latencySamples").GetInt32() > 0, $"{name} has no latency samples");
            Assert.True(stage.GetProperty("p99Ms").GetDouble() >= stage.GetProperty("p50Ms").GetDouble());
        }

        // The S3 sink committed every routed event (it commits only what it has uploaded).
        Assert.Equal(events, stages["s3-sink"].GetProperty("records").GetInt64());
        var s3 = root.GetProperty("s3");
        Assert.True(s3.GetProperty("objects").GetInt32() > 0);
        Assert.All(s3.GetProperty("sampleKeys").EnumerateArray(), k => Assert.Contains(".parquet", k.GetString(), StringComparison.Ordinal));

        // Shipments with a non-object payload cannot become Parquet rows: each one is in the S3 sink's DLQ with
        // Connect's error headers, and nothing else is.
        var malformed = load.GetProperty("malformedEvents").GetInt64();
        var dlq = root.GetProperty("deadLetterQueues").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("records").GetInt64());
        Assert.Equal(malformed, dlq.Single(d => d.Key.EndsWith(".dlq.s3-sink", StringComparison.Ordinal)).Value);
        Assert.Equal(0, dlq.Single(d => d.Key.EndsWith(".dlq.elasticsearch", StringComparison.Ordinal)).Value);
        foreach (var dead in root.GetProperty("deadLetters").EnumerateArray())
        {
            Assert.Contains(".events.OrderShipped[", dead.GetProperty("origin").GetString(), StringComparison.Ordinal);
            Assert.Equal("org.apache.kafka.connect.errors.DataException", dead.GetProperty("exception").GetString());
        }

        var elasticsearch = stages["elasticsearch-sink"];
        if (Environment.GetEnvironmentVariable("ES_URL") is not { Length: > 0 })
        {
            Assert.Equal("skipped", elasticsearch.GetProperty("state").GetString());
            Assert.Contains("ES_URL", elasticsearch.GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.Contains("elasticsearch-sink skipped", stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(elasticsearch.GetProperty("records").GetInt64() > 0);
        }
    }

    [Theory]
    [InlineData("--duration", "0")]
    [InlineData("--rate", "-5")]
    public async Task Demo_rejects_a_non_positive_option_with_a_usage_error(string option, string value)
    {
        var (exit, _, stderr) = await ConnectProcess.RunAsync(["demo", option, value], timeout: TimeSpan.FromMinutes(5));
        Assert.Equal(2, exit);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }
}
