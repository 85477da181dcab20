using Serverless.Connect.Data;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class ResilienceTests : SinkFixture
{
    private static (List<ConnectRecord> Records, Dictionary<string, string> Last) Workload(string topic, int count, int keys)
    {
        var records = new List<ConnectRecord>();
        var last = new Dictionary<string, string>();
        for (var offset = 0; offset < count; offset++)
        {
            var key = "k" + (offset * 31 % keys);
            var partition = offset % 3;
            records.Add(Records.Keyed(topic, partition, offset, key, $"v{offset}", offset));
            last[key] = $"v{offset}";
        }

        return (records, last);
    }

    [Fact]
    public async Task No_loss_when_30_percent_of_bulk_requests_get_429_and_10_percent_of_items_are_rejected()
    {
        Server.Faults.Seed(42);
        Server.Faults.RequestFailureRate = 0.3;
        Server.Faults.ItemRejectionRate = 0.1;
        var task = CreateTask(("batch.size", "50"), ("max.retries", "10"), ("max.buffered.records", "5000"));
        var (records, last) = Workload("storm", 2000, 400);

        var outcomes = await task.PutAsync(records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        await AssertFinalStateAsync("storm", last);
        Assert.Contains(Server.Requests, r => r.ResponseStatus == 429);
        Assert.Contains(Server.Requests, r => r.ItemErrors > 0);
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Exhausted_retries_surface_as_retriable_never_dead_lettered_and_redelivery_completes()
    {
        Server.Faults.Seed(3);
        Server.Faults.RequestFailureRate = 0.3;
        Server.Faults.ItemRejectionRate = 0.05;
        var task = CreateTask(("batch.size", "20"), ("max.retries", "0"), ("max.buffered.records", "5000"));
        var (records, last) = Workload("redeliver", 1000, 120);

        var firstRound = await task.PutAsync(records);
        var outcomes = await PutUntilDoneAsync(task, records);

        Assert.Contains(firstRound, o => o.Status == SinkRecordStatus.Retriable);
        Assert.DoesNotContain(firstRound, o => o.Status is SinkRecordStatus.Malformed or SinkRecordStatus.Failed);
        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        await AssertFinalStateAsync("redeliver", last);
    }

    [Fact]
    public async Task Upserts_keep_per_document_order_under_concurrency_and_429s()
    {
        Server.Faults.Seed(11);
        Server.Faults.RequestFailureRate = 0.3;
        Server.Faults.ItemRejectionRate = 0.2;
        var task = CreateTask(("write.method", "upsert"), ("batch.size", "5"), ("max.retries", "20"), ("max.buffered.records", "5000"));
        var (records, last) = Workload("ordered", 600, 9);

        var outcomes = await PutUntilDoneAsync(task, records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        await AssertFinalStateAsync("ordered", last);
    }

    [Fact]
    public async Task Per_item_5xx_is_retried_until_it_succeeds()
    {
        var failures = 0;
        Server.Faults.ItemFault = item =>
            item.Id is "k1" or "k2" && Interlocked.Increment(ref failures) <= 6
                ? new InjectedError(503, "unavailable_shards_exception", "primary shard is not active")
                : null;
        var task = CreateTask(("max.retries", "10"));
        var (records, last) = Workload("items5xx", 40, 10);

        var outcomes = await task.PutAsync(records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        await AssertFinalStateAsync("items5xx", last);
        Assert.True(failures > 6);
    }

    [Fact]
    public async Task An_outage_leaves_records_retriable_and_they_are_written_after_recovery()
    {
        Server.Faults.Outage = true;
        var task = CreateTask(("max.retries", "2"));
        var (records, last) = Workload("outage", 30, 30);

        var during = await task.PutAsync(records);
        Server.Faults.Outage = false;
        var after = await task.PutAsync(records);

        Assert.All(during, o => Assert.Equal(SinkRecordStatus.Retriable, o.Status));
        Assert.All(after, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        await AssertFinalStateAsync("outage", last);
    }

    [Fact]
    public async Task Whole_request_5xx_is_retried()
    {
        Server.Faults.FailNextRequests(3, 503);
        var task = CreateTask(("max.in.flight.requests", "1"));
        var (records, last) = Workload("fivexx", 10, 10);

        var outcomes = await task.PutAsync(records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Equal([503, 503, 503, 200], Server.Requests.Select(r => r.ResponseStatus));
        await AssertFinalStateAsync("fivexx", last);
    }

    [Fact]
    public async Task A_dead_url_in_connection_url_fails_over_to_the_next()
    {
        int deadPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            deadPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var task = CreateTask(("connection.url", $"http://127.0.0.1:{deadPort},{Server.Url.AbsoluteUri}"), ("max.in.flight.requests", "1"), ("batch.size", "5"));
        var (records, last) = Workload("failover", 40, 40);

        var outcomes = await task.PutAsync(records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        await AssertFinalStateAsync("failover", last);
    }

    [Fact]
    public async Task Requests_above_the_content_length_limit_are_split_and_an_oversized_document_is_malformed()
    {
        Server.MaxContentLength = 2000;
        var task = CreateTask(("max.in.flight.requests", "1"), ("behavior.on.malformed.documents", "warn"), ("write.method", "upsert"));
        var records = Enumerable.Range(0, 40).Select(i => Records.Keyed("split", 0, i, "k" + (i % 7), "v" + i, i)).ToList();
        records.Insert(20, Records.Keyed("split", 0, 1000, "huge", new string('h', 5000), 0));

        var outcomes = await task.PutAsync(records);

        var huge = outcomes[20];
        Assert.Equal(SinkRecordStatus.Malformed, huge.Status);
        Assert.Equal(413, huge.Error!.HttpStatus);
        Assert.All(outcomes.Where((_, i) => i != 20), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        Assert.Contains(Server.Requests, r => r.ResponseStatus == 413);
        var docs = await Reader.AllDocumentsAsync("split");
        Assert.Equal(7, docs.Count);
        Assert.Equal("v39", docs["k4"]["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flush_timeout_stops_retrying_before_max_retries()
    {
        Server.Faults.FailNextRequests(50, 503);
        var clock = new JumpingTimeProvider(TimeSpan.FromMinutes(1));
        var task = CreateTask(clock, ("flush.timeout.ms", "150000"), ("max.retries", "100"), ("retry.backoff.ms", "0"),
            ("max.in.flight.requests", "1"), ("topic.schema.ignore", "deadline"));

        var outcome = Assert.Single(await task.PutAsync([Records.Keyed("deadline", 0, 1, "a", "x", 1)]));

        Assert.Equal(SinkRecordStatus.Retriable, outcome.Status);
        Assert.InRange(Server.Requests.Count, 1, 3);
    }

    [Fact]
    public async Task Cancellation_interrupts_the_backoff()
    {
        Server.Faults.Outage = true;
        var task = CreateTask(("retry.backoff.ms", "600000"), ("max.retries", "3"), ("topic.schema.ignore", "cancel"));
        using var cancel = new CancellationTokenSource();

        var put = task.PutAsync([Records.Keyed("cancel", 0, 1, "a", "x", 1)], cancel.Token);
        await Task.Yield();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
    }

    private async Task AssertFinalStateAsync(string index, Dictionary<string, string> last)
    {
        var docs = await Reader.AllDocumentsAsync(index);
        Assert.Equal(last.Keys.Order(StringComparer.Ordinal), docs.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, name) in last)
        {
            Assert.Equal(name, docs[key]["name"]!.GetValue<string>());
        }
    }
}
