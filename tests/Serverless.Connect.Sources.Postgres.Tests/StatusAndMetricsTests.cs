using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class StatusAndMetricsTests
{
    [Fact]
    public async Task Http_port_serves_Connect_status_health_and_Prometheus_metrics_and_a_standby_shows_as_unassigned()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items SELECT generate_series(1, 200); ANALYZE items");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("snapshot.mode", "initial"),
            ("serverless.metrics.slot.interval.ms", "200"),
            ("serverless.standby.poll.interval.ms", "200"));
        var dir = Directory.CreateTempSubdirectory("cdc-status-");
        var file = Path.Combine(dir.FullName, "source.properties");
        await File.WriteAllLinesAsync(file, config.Select(p => $"{p.Key}={p.Value}"));
        var name = config["name"];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var activePort = FreePort();
        using var stopActive = new CancellationTokenSource();
        var active = Task.Run(() => CdcReaderHost.RunAsync(file, null, activePort, stopActive.Token));
        var url = $"http://127.0.0.1:{activePort}";
        await UntilAsync(async () => Metric(await GetAsync(http, $"{url}/metrics", active), "kafka_connect_source_task_source_record_write_total", name) == 200, active);
        await db.ExecuteAsync("INSERT INTO items VALUES (201)");

        var metrics = "";
        await UntilAsync(async () => Metric(metrics = await GetAsync(http, $"{url}/metrics", active), "kafka_connect_source_task_source_record_write_total", name) == 201, active);
        Assert.Equal(201, Metric(metrics, "kafka_connect_source_task_source_record_poll_total", name));
        Assert.Equal(200, Metric(metrics, "debezium_postgres_snapshot_rows_scanned", name, "public.items"));
        Assert.Equal(200, Metric(metrics, "debezium_postgres_snapshot_rows_estimated", name, "public.items"));
        Assert.Equal(1, Metric(metrics, "debezium_postgres_snapshot_completed", name));
        Assert.Equal(0, Metric(metrics, "debezium_postgres_snapshot_running", name));
        Assert.Equal(0, Metric(metrics, "debezium_postgres_standby", name));
        Assert.Equal(0, Metric(metrics, "debezium_postgres_reconnects_total", name));
        Assert.True(Metric(metrics, "debezium_postgres_acknowledged_lsn", name) > 0);
        Assert.Contains("# TYPE kafka_connect_source_task_source_record_poll_rate gauge", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE kafka_connect_source_task_source_record_write_total counter", metrics, StringComparison.Ordinal);

        // Once the delivered position is confirmed and the lag read again, the idle slot's lag is small and known.
        await UntilAsync(async () => Metric(await GetAsync(http, $"{url}/metrics", active), "debezium_postgres_slot_lag_bytes", name) is >= 0 and < 1_000_000, active);

        Assert.Equal($"[\"{name}\"]", await GetAsync(http, $"{url}/connectors", active));
        var status = JsonNode.Parse(await GetAsync(http, $"{url}/connectors/{name}/status", active))!;
        Assert.Equal("RUNNING", (string?)status["connector"]!["state"]);
        Assert.Equal("source", (string?)status["type"]);
        Assert.Equal("RUNNING", (string?)status["tasks"]![0]!["state"]);
        Assert.Equal(0, (int)status["tasks"]![0]!["id"]!);
        var health = JsonNode.Parse(await GetAsync(http, $"{url}/health", active))!;
        Assert.Equal(201, (long)health[0]!["delivered"]!);
        using (var missing = await http.GetAsync(new Uri($"{url}/connectors/nope/status")))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("""{"error_code":404,"message":"Connector nope not found"}""", await missing.Content.ReadAsStringAsync());
        }

        // The walsender terminated: the connector reconnects by itself, its task RUNNING throughout (as Connect shows a
        // Debezium task that restarts internally), and counts the reconnect.
        await using (var admin = await db.OpenAsync())
        {
            await using var terminate = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(active_pid, 60000) FROM pg_replication_slots WHERE slot_name = $1 AND active", admin);
            terminate.Parameters.AddWithValue(config["slot.name"]);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        await UntilAsync(async () => Metric(await GetAsync(http, $"{url}/metrics", active), "debezium_postgres_reconnects_total", name) == 1, active);
        await db.ExecuteAsync("INSERT INTO items VALUES (202)");
        await UntilAsync(async () => Metric(await GetAsync(http, $"{url}/metrics", active), "kafka_connect_source_task_source_record_write_total", name) == 202, active);
        Assert.Equal("RUNNING", (string?)JsonNode.Parse(await GetAsync(http, $"{url}/connectors/{name}/tasks/0/status", active))!["state"]);
        Assert.Equal(1, (long)JsonNode.Parse(await GetAsync(http, $"{url}/health", active))![0]!["reconnects"]!);

        // A second reader with the same config stands by: its task is UNASSIGNED and its standby gauge is 1.
        var standbyPort = FreePort();
        using var stopStandby = new CancellationTokenSource();
        var standby = Task.Run(() => CdcReaderHost.RunAsync(file, null, standbyPort, stopStandby.Token));
        var standbyUrl = $"http://127.0.0.1:{standbyPort}";
        await UntilAsync(async () => Metric(await GetAsync(http, $"{standbyUrl}/metrics", standby), "debezium_postgres_standby", name) == 1, standby);
        var task = JsonNode.Parse(await GetAsync(http, $"{standbyUrl}/connectors/{name}/tasks/0/status", standby))!;
        Assert.Equal("UNASSIGNED", (string?)task["state"]);
        Assert.Equal(0, Metric(await GetAsync(http, $"{standbyUrl}/metrics", standby), "kafka_connect_source_task_source_record_poll_total", name));

        await stopStandby.CancelAsync();
        Assert.Equal(0, await standby.WaitAsync(TimeSpan.FromSeconds(30)));
        await stopActive.CancelAsync();
        Assert.Equal(0, await active.WaitAsync(TimeSpan.FromSeconds(60)));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_failed_connector_reports_FAILED_with_a_Java_style_trace()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var kafka = MockKafkaCluster.Start(1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("database.dbname", db.Name + "_missing"));
        var connector = new CdcConnector(config);

        await Assert.ThrowsAnyAsync<Exception>(() => connector.RunAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CdcConnectorState.Failed, connector.Status.State);
        Assert.Equal("FAILED", connector.Status.ConnectStateName);
        Assert.StartsWith("org.apache.kafka.connect.errors.ConnectException: Database '", connector.Status.Trace, StringComparison.Ordinal);
        Assert.Contains("\tat ", connector.Status.Trace, StringComparison.Ordinal);
    }

    private static double Metric(string text, string metric, string connector, string? table = null)
    {
        var labels = table is null ? $"connector=\"{connector}\"(?:,task=\"0\")?" : $"connector=\"{connector}\",table=\"{Regex.Escape(table)}\"";
        var match = Regex.Match(text, $"^{metric}\\{{{labels}\\}} (\\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static async Task<string> GetAsync(HttpClient http, string url, Task host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await http.GetStringAsync(new Uri(url));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !host.IsCompleted)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, Task host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (host.IsCompleted)
            {
                throw new InvalidOperationException($"The host stopped early with exit code {await (Task<int>)host}");
            }

            Assert.True(DateTime.UtcNow < deadline, "condition not met within 90 s");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
