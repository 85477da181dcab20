using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>The reader as a separate <c>./connect cdc</c> process: hard kills, SIGTERM and a hot standby taking over.</summary>
public sealed class CdcProcessTests(ITestOutputHelper output)
{
    private const string Topic = "srv.public.items";

    [Fact]
    public async Task SIGKILL_during_a_20000_row_load_then_restart_loses_nothing_and_SIGTERM_drains_and_exits_0_within_10_s()
    {
        const int Rows = 20_000;
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 4);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);

        // Without schemas in the values the 20k events stay well inside the mock broker's per-partition retention.
        var config = Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
            ("value.converter.schemas.enable", "false"));
        var file = await WriteConfigAsync(config);
        var first = StartReader(file, kafka);
        await WaitForActiveSlotAsync(db, config["slot.name"], first);

        var load = LoadAsync(db, Rows, writers: 8, rowsPerTransaction: 10);
        await ids.WaitForAsync(Rows / 4, TimeSpan.FromMinutes(2));
        first.KillHard();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var seenAtKill = ids.Distinct;
        await first.DisposeAsync();

        await using var second = StartReader(file, kafka);
        await WaitForActiveSlotAsync(db, config["slot.name"], second);
        await load;
        await ids.WaitForAsync(Rows, TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(1)); // let late duplicates arrive before counting

        Assert.All(Enumerable.Range(1, Rows), id => Assert.True(ids.Has(id), $"id {id} missing"));
        output.WriteLine($"killed after {seenAtKill} distinct ids were in Kafka; {ids.Messages} messages for {Rows} rows: {ids.Duplicates} duplicates");

        var confirmedBefore = await SlotQueries.ConfirmedFlushAsync(db, config["slot.name"]);
        var clock = Stopwatch.StartNew();
        second.Signal(PosixSignal.SIGTERM);
        var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(10));
        clock.Stop();
        output.WriteLine($"SIGTERM to exit: {clock.ElapsedMilliseconds} ms, exit code {exit}");
        Assert.Equal(0, exit);
        Assert.True(await SlotQueries.ConfirmedFlushAsync(db, config["slot.name"]) >= confirmedBefore);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task A_second_reader_stands_by_while_the_slot_is_active_and_takes_over_within_seconds_when_the_first_is_killed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items SELECT generate_series(1, 50)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 1);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("snapshot.mode", "initial"));
        var file = await WriteConfigAsync(config);
        await using var active = StartReader(file, kafka, ("CDC_LOG_FORMAT", "json"));
        await WaitForActiveSlotAsync(db, config["slot.name"], active);
        await ids.WaitForAsync(50, TimeSpan.FromSeconds(60));

        var standby = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => standby.RunAsync(stop.Token));
        await ConnectorWait.UntilAsync(() => standby.Status.State == CdcConnectorState.Standby, run, TimeSpan.FromSeconds(60));
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(51, 100)");
        await ids.WaitForAsync(100, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(CdcConnectorState.Standby, standby.Status.State);
        Assert.Equal(0, standby.Metrics.PolledCount);
        Assert.Equal(0, standby.DeliveredCount);

        active.KillHard();
        var clock = Stopwatch.StartNew();
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(101, 150)");
        await ConnectorWait.UntilAsync(() => standby.DeliveredCount > 0, run, TimeSpan.FromSeconds(30));
        var takeover = clock.Elapsed;
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(151, 200)");
        await ids.WaitForAsync(200, TimeSpan.FromSeconds(60));
        output.WriteLine($"standby delivering {takeover.TotalMilliseconds:0} ms after SIGKILL of the active reader; {ids.Duplicates} duplicates");
        Assert.True(takeover < TimeSpan.FromSeconds(15), $"takeover took {takeover}");
        Assert.All(Enumerable.Range(1, 200), id => Assert.True(ids.Has(id), $"id {id} missing"));

        // The killed reader logged JSON lines (CDC_LOG_FORMAT=json), among them that it streamed from the slot.
        var lines = active.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith('{') && System.Text.Json.Nodes.JsonNode.Parse(l)!["level"] is not null && l.Contains(config["slot.name"], StringComparison.Ordinal));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(CdcConnectorState.Stopped, standby.Status.State);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    private static async Task LoadAsync(TestDatabase db, int rows, int writers, int rowsPerTransaction)
    {
        var perWriter = rows / writers;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var connection = await db.OpenAsync();
            for (var start = (w * perWriter) + 1; start <= (w + 1) * perWriter; start += rowsPerTransaction)
            {
                await using var command = new NpgsqlCommand("INSERT INTO items SELECT i, 'row ' || i FROM generate_series($1::int, $2::int) i", connection);
                command.Parameters.AddWithValue(start);
                command.Parameters.AddWithValue(start + rowsPerTransaction - 1);
                await command.ExecuteNonQueryAsync();
            }
        })));
    }

    private static async Task<string> WriteConfigAsync(Dictionary<string, string> config)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("cdc-proc-").FullName, "source.properties");
        await File.WriteAllLinesAsync(file, config.Select(p => $"{p.Key}={p.Value}"));
        return file;
    }

    private static ConnectProcess StartReader(string file, MockKafkaCluster kafka, params (string Key, string Value)[] environment)
    {
        var env = new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = kafka.BootstrapServers };
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        return ConnectProcess.Start(["cdc", "--config", file], env);
    }

    // ./connect may build itself first (minutes on a busy machine), hence the generous deadline.
    private static async Task WaitForActiveSlotAsync(TestDatabase db, string slot, ConnectProcess process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (!await SlotQueries.IsActiveAsync(db, slot))
        {
            Assert.False(process.HasExited, "./connect cdc exited early: " + process.StandardError);
            Assert.True(DateTime.UtcNow < deadline, "slot not active within 10 minutes: " + process.StandardError);
            await Task.Delay(100);
        }
    }
}
