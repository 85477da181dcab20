using Serverless.Connect.Data;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.RealCluster;

/// <summary>
/// The same end-to-end checks against a real cluster. This file is compiled only when ES_URL is set at build time
/// (see the csproj), so without a cluster these tests do not exist rather than pass. Optional: ES_USERNAME/ES_PASSWORD
/// or ES_API_KEY.
/// </summary>
public sealed class RealClusterTests : IDisposable
{
    private static readonly string Url = Environment.GetEnvironmentVariable("ES_URL")
        ?? throw new InvalidOperationException("ES_URL must be set when running the real-cluster suite (it was set at build time).");

    private readonly string _topic = "sc-es-it-" + Guid.NewGuid().ToString("N")[..12];
    private readonly EsReader _reader = new(new Uri(Url.TrimEnd('/') + "/"), Authorization());

    public void Dispose() => _reader.Dispose();

    private static string? Authorization()
    {
        var apiKey = Environment.GetEnvironmentVariable("ES_API_KEY");
        var user = Environment.GetEnvironmentVariable("ES_USERNAME");
        var password = Environment.GetEnvironmentVariable("ES_PASSWORD");
        return apiKey is not null ? "ApiKey " + apiKey
            : user is not null ? "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password))
            : null;
    }

    private static ElasticsearchSinkTask CreateTask(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string> { ["connection.url"] = Url, ["read.timeout.ms"] = "30000" };
        AddIfSet(config, "connection.api.key", "ES_API_KEY");
        AddIfSet(config, "connection.username", "ES_USERNAME");
        AddIfSet(config, "connection.password", "ES_PASSWORD");
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        return new ElasticsearchSinkTask(ElasticsearchSinkOptions.FromConfig(config));
    }

    private static void AddIfSet(Dictionary<string, string> config, string key, string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is { } value)
        {
            config[key] = value;
        }
    }

    [Fact]
    public async Task Last_value_per_key_wins_and_tombstones_delete()
    {
        using var task = CreateTask(("behavior.on.null.values", "delete"), ("batch.size", "25"));
        var records = new List<ConnectRecord>();
        var last = new Dictionary<string, string>();
        for (var offset = 0; offset < 500; offset++)
        {
            var key = "k" + (offset * 13 % 40);
            records.Add(Records.Keyed(_topic, 0, offset, key, "v" + offset, offset));
            last[key] = "v" + offset;
        }

        records.Add(Records.Tombstone(_topic, 0, 500, "k0"));
        last.Remove("k0");

        var outcomes = await task.PutAsync(records);
        var replay = await task.PutAsync(records.Take(100).ToList());

        Assert.All(outcomes.Concat(replay), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        var docs = await _reader.AllDocumentsAsync(_topic);
        Assert.Equal(last.Keys.Order(StringComparer.Ordinal), docs.Keys.Order(StringComparer.Ordinal));
        Assert.All(last, kv => Assert.Equal(kv.Value, docs[kv.Key]["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Upsert_with_gzip_merges_documents()
    {
        using var task = CreateTask(("write.method", "upsert"), ("schema.ignore", "true"), ("connection.compression", "true"));

        await task.PutAsync([Records.Schemaless(_topic, 0, 1, "p", Records.Map(("a", 1L), ("b", 1L)))]);
        var outcome = Assert.Single(await task.PutAsync([Records.Schemaless(_topic, 0, 2, "p", Records.Map(("b", 2L)))]));

        Assert.Equal(SinkRecordStatus.Written, outcome.Status);
        var doc = (await _reader.GetAsync(_topic, "p"))!.Value.Source;
        Assert.Equal(1, doc["a"]!.GetValue<long>());
        Assert.Equal(2, doc["b"]!.GetValue<long>());
    }

    [Fact]
    public async Task Mapping_conflicts_are_reported_as_malformed()
    {
        using var task = CreateTask(("schema.ignore", "true"), ("behavior.on.malformed.documents", "warn"), ("max.in.flight.requests", "1"));

        var outcomes = await task.PutAsync(
        [
            Records.Schemaless(_topic, 0, 0, "a", Records.Map(("n", 1L))),
            Records.Schemaless(_topic, 0, 1, "b", Records.Map(("n", "abc"))),
        ]);

        Assert.Equal([SinkRecordStatus.Written, SinkRecordStatus.Malformed], outcomes.Select(o => o.Status));
        Assert.Contains(outcomes[1].Error!.ErrorType, new[] { "document_parsing_exception", "mapper_parsing_exception" });
    }
}
