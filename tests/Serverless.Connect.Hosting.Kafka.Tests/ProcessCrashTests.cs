using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Hosting.Kafka.Tests;

/// <summary>The real <c>./connect sink</c> process: SIGKILLed mid-run under a 429 storm, restarted, and the end state checked.</summary>
public sealed class ProcessCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sinkcrash-").FullName;
    private readonly HttpClient _http = new();

    [Fact]
    public async Task SigkillAndRestart_UnderA429Storm_LeaveLastValuePerKey_AndTheDlqHoldsExactlyTheMalformedRecords()
    {
        await using var scenario = await SinkScenario.CreateAsync(4);
        var dlq = TestKafka.UniqueTopic() + "-dlq";
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = dlq;
        scenario.Settings["errors.deadletterqueue.context.headers.enable"] = "true";
        scenario.Settings["behavior.on.malformed.documents"] = "warn";
        scenario.Settings["consumer.override.max.poll.records"] = "50";
        scenario.Settings["batch.size"] = "20";
        scenario.Settings["max.retries"] = "2";
        var (records, expected, malformed) = Workload();
        var delivered = await scenario.ProduceAsync(records);
        var malformedOffsets = malformed.Select(i => (delivered[i].Partition.Value, delivered[i].Offset.Value)).ToHashSet();

        // 30% of bulk requests refused as a whole with 429, 10% of the other items refused with 429, malformed documents rejected.
        scenario.Server.Faults.Seed(11);
        scenario.Server.Faults.RequestFailureRate = 0.3;
        scenario.Server.Faults.ItemRejectionRate = 0.1;
        var slow = true;
        scenario.Server.Faults.ItemFault = item =>
        {
            if (Volatile.Read(ref slow))
            {
                Thread.Sleep(1);
            }

            return item.Id!.StartsWith("rej", StringComparison.Ordinal)
                ? new InjectedError(400, "mapper_parsing_exception", "failed to parse field [seq] of type [long]")
                : null;
        };
        var (config, worker) = scenario.WriteFiles(_directory);

        await using (var first = ConnectProcess.Start(["sink", "--config", config, "--worker", worker]))
        {
            await Eventually.HoldsAsync(() => first.HasExited || scenario.Documents().Count >= 40, "the first process indexed some documents", TimeSpan.FromMinutes(5));
            Assert.False(first.HasExited, first.StandardError);
            first.KillHard();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var atCrash = scenario.Committed();
        var end = scenario.EndOffsets();
        output.WriteLine($"committed at the SIGKILL: {string.Join(", ", atCrash.Select(c => $"p{c.Key}={c.Value}/{end[c.Key]}"))}");
        Assert.Contains(atCrash, c => c.Value < end[c.Key]);

        Volatile.Write(ref slow, false);
        var port = FreePort();
        await using (var second = ConnectProcess.Start(["sink", "--config", config, "--worker", worker, "--http-port", port.ToString(CultureInfo.InvariantCulture)]))
        {
            await Eventually.HoldsAsync(() => second.HasExited || scenario.AllCommitted(), "the restarted process committed everything", TimeSpan.FromMinutes(5));
            Assert.False(second.HasExited, second.StandardError);
            PrometheusScrape metrics = null!;
            await Eventually.HoldsAsync(async () =>
            {
                metrics = await ScrapeAsync(port);
                var lag = metrics.All("kafka_consumer_fetch_manager_records_lag");
                return lag.Count == 4 && lag.All(l => l.Value == 0);
            }, "records-lag is 0 on all four partitions");
            output.WriteLine($"second process: read {metrics.Value("kafka_connect_sink_task_sink_record_read_total")}, " +
                $"dead-lettered {metrics.Value("kafka_connect_task_error_deadletterqueue_produce_requests")}, " +
                $"redeliveries {metrics.Value("kafka_connect_sink_task_redeliveries_total")}");
            second.Signal(PosixSignal.SIGTERM);
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        var rejected = scenario.Server.Requests.Count(r => r.ResponseStatus == 429);
        output.WriteLine($"{scenario.Server.Requests.Count} bulk requests, {rejected} refused with 429");
        Assert.True(rejected > 10, "the storm refused requests");
        var documents = scenario.Documents();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), documents.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, seq) in expected)
        {
            Assert.Equal(seq, documents[key]["seq"]!.GetValue<int>());
        }

        Assert.Empty(scenario.Server.Violations);
        Assert.Equal(scenario.EndOffsets(), scenario.Committed());

        var dead = ReadAll(scenario, dlq);
        var deadOffsets = dead.Select(r => (int.Parse(Header(r, "__connect.errors.partition"), CultureInfo.InvariantCulture),
            long.Parse(Header(r, "__connect.errors.offset"), CultureInfo.InvariantCulture))).ToList();
        output.WriteLine($"DLQ: {dead.Count} records for {malformed.Count} malformed ones");
        Assert.Equal(malformedOffsets.Order(), deadOffsets.Distinct().Order());
        // A record is dead-lettered again only when the crash came between its DLQ write and the commit after it.
        foreach (var group in deadOffsets.GroupBy(o => o).Where(g => g.Count() > 1))
        {
            Assert.True(group.Key.Item2 >= atCrash[group.Key.Item1], $"{group.Key} was committed before the crash but dead-lettered twice");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, true);
    }

    /// <summary>2400 records over 150 keys with tombstones, 12 unparseable values and 8 documents Elasticsearch rejects.</summary>
    private static (List<(string Key, string? Value)> Records, Dictionary<string, int> Expected, List<int> Malformed) Workload()
    {
        var records = new List<(string Key, string? Value)>();
        var last = new Dictionary<string, int?>(StringComparer.Ordinal);
        var malformed = new List<int>();
        for (var i = 0; i < 2400; i++)
        {
            var key = "k" + (i * 7 % 150).ToString(CultureInfo.InvariantCulture);
            if (i % 300 == 17)
            {
                malformed.Add(records.Count);
                records.Add(("bad" + i.ToString(CultureInfo.InvariantCulture), "{\"seq\":" + i.ToString(CultureInfo.InvariantCulture)));
            }
            else if (i % 300 == 151)
            {
                malformed.Add(records.Count);
                records.Add(("rej" + i.ToString(CultureInfo.InvariantCulture), "{\"seq\":\"x\"}"));
            }
            else if (i % 97 == 5 || i % 211 == 3)
            {
                records.Add((key, null));
                last[key] = null;
            }
            else
            {
                records.Add((key, "{\"seq\":" + i.ToString(CultureInfo.InvariantCulture) + "}"));
                last[key] = i;
            }
        }

        var expected = last.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!.Value, StringComparer.Ordinal);
        return (records, expected, malformed);
    }

    private static List<ConsumeResult<byte[]?, byte[]?>> ReadAll(SinkScenario scenario, string topic)
    {
        using var consumer = scenario.CreateConsumer(TestKafka.UniqueGroup());
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[]?, byte[]?>>();
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(records.Count == 0 ? 30 : 3))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                records.Add(record);
                quietSince = DateTime.UtcNow;
            }
        }

        consumer.Close();
        return records;
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> record, string key) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(key));

    private async Task<PrometheusScrape> ScrapeAsync(int port)
    {
        try
        {
            return PrometheusScrape.Parse(await _http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")));
        }
        catch (HttpRequestException)
        {
            return PrometheusScrape.Parse("");
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
