using System.Text;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Hosting.Kafka.Tests.RealCluster;

/// <summary>
/// The standalone host against a real Elasticsearch. Compiled only when ES_URL is set at build time (see the csproj), so
/// without a cluster these tests do not exist rather than pass. Optional: ES_USERNAME/ES_PASSWORD or ES_API_KEY.
/// </summary>
public sealed class RealClusterHostTests : IDisposable
{
    private static readonly string Url = (Environment.GetEnvironmentVariable("ES_URL")
        ?? throw new InvalidOperationException("ES_URL must be set when running the real-cluster suite (it was set at build time).")).TrimEnd('/');

    private readonly EsReader _reader = new(new Uri(Url + "/"), Authorization());
    private readonly List<string> _indices = [];

    [Fact]
    public async Task Host_IndexesLastValuePerKey_DeletesTombstones_AndCommitsEverything()
    {
        await using var scenario = await CreateAsync(3);
        var records = Enumerable.Range(0, 900).Select(i => ($"k{i % 90}", (string?)$"{{\"key\":\"k{i % 90}\",\"seq\":{i}}}")).ToList();
        records.AddRange(Enumerable.Range(0, 15).Select(i => ($"k{i}", (string?)null)));
        await scenario.ProduceAsync(records);

        await RunUntilCommittedAsync(scenario);

        var documents = await _reader.AllDocumentsAsync(scenario.Topic);
        Assert.Equal(Enumerable.Range(15, 75).Select(k => $"k{k}").Order(), documents.Keys.Order());
        foreach (var k in Enumerable.Range(15, 75))
        {
            Assert.Equal(810 + k, documents[$"k{k}"]["seq"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task DocumentElasticsearchRejects_GoesToTheDlqWithHeaders_OthersAreIndexed()
    {
        await using var scenario = await CreateAsync(1);
        var dlq = TestKafka.UniqueTopic() + "-dlq";
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = dlq;
        scenario.Settings["errors.deadletterqueue.context.headers.enable"] = "true";
        scenario.Settings["behavior.on.malformed.documents"] = "warn";
        // The first document maps "n" as long (dynamic mapping); a string that is not a number then fails to parse.
        var records = Enumerable.Range(0, 20).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")).ToList();
        records.Insert(10, ("bad", "{\"n\":\"not a number\"}"));
        var delivered = await scenario.ProduceAsync(records, partition: 0);

        await RunUntilCommittedAsync(scenario);

        Assert.Equal(20, (await _reader.AllDocumentsAsync(scenario.Topic)).Count);
        var dead = Assert.Single(scenario.ReadTopic(dlq, 1));
        Assert.Equal("bad", Encoding.UTF8.GetString(dead.Message.Key!));
        Assert.Equal(delivered[10].Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Encoding.UTF8.GetString(dead.Message.Headers.GetLastBytes("__connect.errors.offset")));
        var message = Encoding.UTF8.GetString(dead.Message.Headers.GetLastBytes("__connect.errors.exception.message"));
        Assert.True(message.Contains("document_parsing_exception", StringComparison.Ordinal) || message.Contains("mapper_parsing_exception", StringComparison.Ordinal), message);
    }

    [Fact]
    public async Task HardStopAndRestart_ReplaysAsVersionConflicts_AndChangesNothing()
    {
        await using var scenario = await CreateAsync(2);
        scenario.Settings["consumer.override.max.poll.records"] = "50";
        var delivered = await scenario.ProduceAsync(Enumerable.Range(0, 2000).Select(i => ($"k{i % 100}", (string?)$"{{\"seq\":{i}}}")));
        await using (var first = scenario.CreateHost())
        {
            var run = first.RunAsync(CancellationToken.None);
            await Eventually.HoldsAsync(() => first.RecordsPut >= 400, "the first instance wrote some records");
            first.Kill();
            await run;
        }

        await using var second = scenario.CreateHost();
        using var stop = new CancellationTokenSource();
        var secondRun = second.RunAsync(stop.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "the restarted instance committed everything", TimeSpan.FromMinutes(3));
        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await secondRun).State);

        var documents = await _reader.AllDocumentsAsync(scenario.Topic);
        Assert.Equal(100, documents.Count);
        for (var k = 0; k < 100; k++)
        {
            Assert.Equal(1900 + k, documents[$"k{k}"]["seq"]!.GetValue<int>());
        }

        // External versioning: each document's version is the offset of its last write, however often it was replayed.
        var version = await _reader.GetAsync(scenario.Topic, "k99");
        Assert.Equal(delivered[1999].Offset.Value, version!.Value.Version);
    }

    public void Dispose()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url + "/") };
        if (Authorization() is { } authorization)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var index in _indices)
        {
            client.DeleteAsync(new Uri(Uri.EscapeDataString(index), UriKind.Relative)).GetAwaiter().GetResult().Dispose();
        }

        _reader.Dispose();
    }

    private static string? Authorization()
    {
        var apiKey = Environment.GetEnvironmentVariable("ES_API_KEY");
        var user = Environment.GetEnvironmentVariable("ES_USERNAME");
        var password = Environment.GetEnvironmentVariable("ES_PASSWORD");
        return apiKey is not null ? "ApiKey " + apiKey
            : user is not null ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))
            : null;
    }

    private async Task<SinkScenario> CreateAsync(int partitions, [System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        var scenario = await SinkScenario.CreateAsync(partitions, caller);
        scenario.Settings["connection.url"] = Url;
        scenario.Settings["read.timeout.ms"] = "30000";
        foreach (var (key, variable) in new[] { ("connection.api.key", "ES_API_KEY"), ("connection.username", "ES_USERNAME"), ("connection.password", "ES_PASSWORD") })
        {
            if (Environment.GetEnvironmentVariable(variable) is { } value)
            {
                scenario.Settings[key] = value;
            }
        }

        _indices.Add(scenario.Topic.ToLowerInvariant());
        return scenario;
    }

    private static async Task RunUntilCommittedAsync(SinkScenario scenario)
    {
        await using var host = scenario.CreateHost();
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => scenario.AllCommitted() || host.Status.State == SinkTaskState.Failed, "every record is committed", TimeSpan.FromMinutes(3));
        await stop.CancelAsync();
        var status = await run;
        Assert.True(status.State == SinkTaskState.Stopped, status.Trace);
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());
    }
}
