using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Serverless.Connect.Hosting.Kafka.Internal;
using Serverless.Connect.Hosting.Kafka.Metrics;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class MetricsTests(ITestOutputHelper output) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task MetricsEndpoint_CountsReadsSendsCommitsAndDeadLetters_AndLagDrainsToZero()
    {
        await using var scenario = await SinkScenario.CreateAsync(3);
        var dlq = TestKafka.UniqueTopic() + "-dlq";
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = dlq;
        scenario.Settings["behavior.on.malformed.documents"] = "warn";
        scenario.Settings["consumer.override.max.poll.records"] = "20";
        var slow = true;
        scenario.Server.Faults.ItemFault = item =>
        {
            if (Volatile.Read(ref slow))
            {
                Thread.Sleep(2);
            }

            return item.Id!.StartsWith("rejected", StringComparison.Ordinal)
                ? new InjectedError(400, "document_parsing_exception", "[1:9] failed to parse field [n] of type [long]")
                : null;
        };
        var records = Enumerable.Range(0, 600).Select(i => ($"k{i % 150}", (string?)$"{{\"n\":{i}}}")).ToList();
        for (var i = 0; i < 7; i++)
        {
            records.Insert(i * 80, ($"bad{i}", "{not json"));
        }

        for (var i = 0; i < 5; i++)
        {
            records.Insert(i * 100 + 3, ($"rejected{i}", "{\"n\":\"x\"}"));
        }

        await scenario.ProduceAsync(records);
        await using var host = scenario.CreateHost();
        var port = FreePort();
        await using var server = new StatusServer(host, port);
        using var stop = new CancellationTokenSource();

        var run = host.RunAsync(stop.Token);
        // While the slow sink works through the backlog the consumer's position trails the high watermark.
        double backlogLag = 0;
        await Eventually.HoldsAsync(async () =>
        {
            var scrape = await ScrapeAsync(port);
            backlogLag = scrape.All("kafka_consumer_fetch_manager_records_lag").Sum(s => s.Value);
            return backlogLag > 0;
        }, "records-lag shows the backlog");
        Volatile.Write(ref slow, false);
        await Eventually.HoldsAsync(scenario.AllCommitted, "every record is committed");
        PrometheusScrape final = null!;
        await Eventually.HoldsAsync(async () =>
        {
            final = await ScrapeAsync(port);
            var lags = final.All("kafka_consumer_fetch_manager_records_lag");
            var committed = final.All("kafka_connect_sink_task_committed_lag");
            return lags.Count == 3 && lags.All(l => l.Value == 0) && committed.Count == 3 && committed.All(l => l.Value == 0);
        }, "records-lag and committed lag are 0 on every partition");
        await stop.CancelAsync();
        Assert.Equal(SinkTaskState.Stopped, (await run).State);

        var task = new[] { ("connector", scenario.Name), ("task", "0") };
        output.WriteLine($"lag during the backlog {backlogLag}; read {host.RecordsRead}, commits {host.Commits}");
        Assert.Equal(host.RecordsRead, final.Value("kafka_connect_sink_task_sink_record_read_total", task));
        Assert.Equal(records.Count, host.RecordsRead);
        Assert.Equal(records.Count - 7, final.Value("kafka_connect_sink_task_sink_record_send_total", task));
        Assert.Equal(12, final.Value("kafka_connect_task_error_deadletterqueue_produce_requests", task));
        Assert.Equal(0, final.Value("kafka_connect_task_error_deadletterqueue_produce_failures", task));
        Assert.Equal(12, final.Value("kafka_connect_task_error_total_records_skipped", task));
        Assert.True(final.Value("kafka_connect_sink_task_offset_commit_completion_total", task) >= 3);
        Assert.True(final.Value("kafka_connect_sink_task_sink_record_read_rate", task) > 0, "the read rate over the window is positive");
        Assert.True(final.Value("kafka_connect_sink_task_offset_commit_completion_rate", task) > 0);
        Assert.Equal(3, final.Value("kafka_connect_sink_task_partition_count", task));
        Assert.Equal(1, final.Value("kafka_connect_connector_task_status", [.. task, ("status", "running")]));
        Assert.InRange(final.Value("kafka_connect_connector_task_batch_size_max", task), 1, 20);
        var lag = final.All("kafka_consumer_fetch_manager_records_lag", ("clientId", $"connector-consumer-{scenario.Name}-0"), ("topic", scenario.Topic));
        Assert.Equal(["0", "1", "2"], lag.Select(l => l.Labels["partition"]).Order());
        Assert.Equal(0, final.Value("kafka_consumer_fetch_manager_records_lag_max"));
        Assert.Equal("counter", final.Types["kafka_connect_sink_task_sink_record_read_total"]);
        Assert.Equal("gauge", final.Types["kafka_connect_sink_task_sink_record_read_rate"]);
        Assert.Equal(12, scenario.ReadTopic(dlq, 12).Count);
    }

    [Fact]
    public async Task FailedTask_IsReportedAsFailedInTheStatusMetric()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        await scenario.ProduceAsync([("k0", "{\"n\":0}"), ("bad", "{not json")]);
        await using var host = scenario.CreateHost();

        var status = await host.RunAsync(CancellationToken.None);

        Assert.Equal(SinkTaskState.Failed, status.State);
        var scrape = PrometheusScrape.Parse(host.GetPrometheusMetrics());
        Assert.Equal(1, scrape.Value("kafka_connect_connector_task_status", ("connector", scenario.Name), ("status", "failed")));
        Assert.Equal(1, scrape.Value("kafka_connect_task_error_total_record_errors", ("connector", scenario.Name)));
        Assert.True(scrape.Value("kafka_connect_task_error_last_error_timestamp", ("connector", scenario.Name)) > 0);
    }

    [Fact]
    public void SlidingRate_IsTheGrowthPerSecondOverTheLastWindow()
    {
        var time = new FakeTimeProvider();
        var rate = new SlidingRate(time, TimeSpan.FromSeconds(30));

        Assert.Equal(0, rate.Rate(0));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(100, rate.Rate(1000), 6);
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(100, rate.Rate(3000), 6);
        // The window slides: the baseline is now the sample taken 30 s ago (at 3000), not the start.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, rate.Rate(3000), 6);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(10, rate.Rate(3300), 6);
    }

    [Fact]
    public void TextWriter_EscapesLabelValuesAndHelp()
    {
        var writer = new PrometheusTextWriter();
        writer.Family("m", "gauge", "a \\ b\nc");
        writer.Sample("m", 1.5, ("topic", "a\"b\\c\nd"));

        Assert.Equal("# HELP m a \\\\ b\\nc\n# TYPE m gauge\nm{topic=\"a\\\"b\\\\c\\nd\"} 1.5\n", writer.ToString());
    }

    public void Dispose() => _http.Dispose();

    private async Task<PrometheusScrape> ScrapeAsync(int port)
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
