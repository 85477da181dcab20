using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

/// <summary>Starts a contract server per test and builds sink tasks against it.</summary>
public abstract class SinkFixture : IAsyncLifetime
{
    private readonly List<ElasticsearchSinkTask> _tasks = [];

    protected ElasticsearchContractServer Server { get; private set; } = null!;

    protected EsReader Reader { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new ElasticsearchContractServer();
        Reader = new EsReader(Server.Url);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var task in _tasks)
        {
            await task.DisposeAsync();
        }

        Reader.Dispose();
        await Server.DisposeAsync();
    }

    protected ElasticsearchSinkTask CreateTask(params (string Key, string Value)[] settings) => CreateTask(null, settings);

    protected ElasticsearchSinkTask CreateTask(TimeProvider? time, params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["connection.url"] = Server.Url.AbsoluteUri,
            ["retry.backoff.ms"] = "1",
            ["read.timeout.ms"] = "10000",
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        var task = new ElasticsearchSinkTask(ElasticsearchSinkOptions.FromConfig(config), null, time, null, new Random(7));
        _tasks.Add(task);
        return task;
    }

    /// <summary>Puts until nothing is retriable, as a runtime redelivers retriable records.</summary>
    protected static async Task<List<SinkRecordOutcome>> PutUntilDoneAsync(ElasticsearchSinkTask task, IReadOnlyList<Data.ConnectRecord> records)
    {
        var final = new Dictionary<Data.ConnectRecord, SinkRecordOutcome>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<Data.ConnectRecord> pending = records;
        for (var round = 0; pending.Count > 0; round++)
        {
            Assert.True(round < 50, "records stayed retriable for 50 redeliveries");
            var outcomes = await task.PutAsync(pending);
            foreach (var outcome in outcomes)
            {
                final[outcome.Record] = outcome;
            }

            pending = outcomes.Where(o => o.Status == SinkRecordStatus.Retriable).Select(o => o.Record).ToList();
        }

        return records.Select(r => final[r]).ToList();
    }
}
