using System.Runtime.CompilerServices;
using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Errors;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Sources.Postgres;
using Serverless.Connect.Sources.Postgres.Tests;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// Faults of the PostgreSQL server and of the connector's connections to it: restarts and <c>wal_level</c> on a private
/// server (the shared one must not be restarted or reconfigured), a terminated walsender, a wrong password and an
/// unreachable port on the shared one.
/// </summary>
public sealed class PostgresServerFaultTests(ITestOutputHelper output)
{
    private const string Topic = "srv.public.items";

    [Fact]
    public async Task WalLevelReplica_FailsAtStart_NamingWalLevel_AndNothingIsRead()
    {
        await using var server = await PrivatePostgres.StartAsync(walLevel: "replica");
        var database = await server.CreateDatabaseAsync("walreplica");
        await ExecuteAsync(server, database, "CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        var connector = new CdcConnector(Config(server, database, kafka));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connector.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90)));

        output.WriteLine(error.Message);
        Assert.Contains("wal_level", error.Message, StringComparison.Ordinal);
        Assert.Contains("logical", error.Message, StringComparison.Ordinal);
        Assert.Equal(CdcConnectorState.Failed, connector.Status.State);
        Assert.Equal(0, connector.DeliveredCount);
        new FaultReport("bad-input", "wal_level=replica", 0, 0, 0, 0, "clear error: " + error.Message.Split('\n')[0]).Write(output);
    }

    [Fact]
    public async Task RestartMidLoad_OneConnectorReconnectsByItself_NothingLost()
    {
        await using var server = await PrivatePostgres.StartAsync();
        var database = await server.CreateDatabaseAsync("restart");
        await ExecuteAsync(server, database, "CREATE TABLE items (id int PRIMARY KEY, name text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 2);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);
        var config = Config(server, database, kafka);
        config[PostgresConnectorConfigDef.RetriableRestartWaitConfig] = "500";
        var logs = new RecordingLoggerFactory();

        // One connector, as deployed: no outer restart loop; it must reconnect by itself.
        var connector = new CdcConnector(config, logs);
        using var stop = new CancellationTokenSource();
        var run = connector.RunAsync(stop.Token);
        await Eventually.HoldsAsync(async () => await SlotActiveAsync(server, database, config["slot.name"]), "the slot is streaming");

        const int Rows = 3000;
        var committed = new StrongBox<int>();
        var load = LoadAsync(server, database, Rows, committed);
        await ids.WaitForAsync(600, TimeSpan.FromSeconds(60));

        // Down for 3 s, so reconnect attempts meet a refused connection before the server is back.
        await server.StopAsync();
        var seenAtStop = ids.Distinct;
        var committedAtStop = Volatile.Read(ref committed.Value);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(run.IsCompleted, "the connector must not fail while the server is down");
        Assert.Equal(CdcConnectorState.Running, connector.Status.State);
        await server.StartAgainAsync();

        await load;
        await ids.WaitForAsync(Rows, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var state = connector.Status;
        var reconnects = connector.Metrics.Reconnects;
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var retries = logs.Entries.Where(e => e.EventId == 4209).Select(e => e.Message).ToList();
        var lost = Enumerable.Range(1, Rows).Count(i => !ids.Has(i));
        new FaultReport("cdc", "PostgreSQL stopped (pg_ctl stop -m fast) for 3 s mid-load, one connector, retriable.restart.connector.wait.ms=500",
            Rows, lost, ids.Duplicates, reconnects,
            $"rows committed at stop={committedAtStop}, in Kafka={seenAtStop}; re-read and skipped (already in Kafka): {connector.Metrics.ReplaysSkipped}; " +
            $"retries: {string.Join(" | ", retries.Select(r => r.Split(';')[0]))}").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(CdcConnectorState.Running, state.State);
        Assert.Null(state.Trace);
        Assert.True(reconnects >= 1, "the connector reconnected at least once");
        Assert.Equal(reconnects, retries.Count);
        Assert.All(retries, r => Assert.Matches(@"restarting in \d+ ms \(retry \d+ of unlimited", r));

        // The slot resumes at a confirmed_flush_lsn behind what Kafka acknowledged (PostgreSQL 15 even forgets a
        // confirmed_flush_lsn that alone moved); what this process delivered already is skipped, so at most the one
        // transaction (20 rows) that was being read when the connection went comes twice per reconnect.
        Assert.InRange(ids.Duplicates, 0, 20 * reconnects);
    }

    [Fact]
    public async Task MaxRetriesZero_ARestartFailsTheTask_NamingTheKey()
    {
        await using var server = await PrivatePostgres.StartAsync();
        var database = await server.CreateDatabaseAsync("noretry");
        await ExecuteAsync(server, database, "CREATE TABLE items (id int PRIMARY KEY, name text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 2);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);
        var config = Config(server, database, kafka);
        config[PostgresConnectorConfigDef.ErrorsMaxRetriesConfig] = "0";
        var connector = new CdcConnector(config);
        var run = connector.RunAsync(CancellationToken.None);
        await Eventually.HoldsAsync(async () => await SlotActiveAsync(server, database, config["slot.name"]), "the slot is streaming");
        await ExecuteAsync(server, database, "INSERT INTO items SELECT g, 'row ' || g FROM generate_series(1, 100) g");
        await ids.WaitForAsync(100, TimeSpan.FromSeconds(60));

        await server.RestartAsync();
        var error = await Assert.ThrowsAnyAsync<ConnectException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));

        output.WriteLine(error.Message);
        Assert.Contains("errors.max.retries=0", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{server.Host}:{server.Port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(CdcConnectorState.Failed, connector.Status.State);
        Assert.Contains("errors.max.retries=0", connector.Status.Trace, StringComparison.Ordinal);
        Assert.Equal(0, connector.Metrics.Reconnects);
        Assert.Equal(100, ids.Distinct);
        new FaultReport("cdc", "PostgreSQL restart with errors.max.retries=0", 100, 100 - ids.Distinct, ids.Duplicates, 0,
            "task FAILED: " + error.Message.Split('\n')[0]).Write(output);
    }

    [Fact]
    public async Task UnreachableServerAtFirstStart_FailsAtOnce_NotRetried()
    {
        // Debezium fails a task that cannot connect with its parameters at start: a wrong host or port is a
        // configuration error, not an outage to wait out (errors.max.retries is -1 here).
        await using var db = await TestDatabase.CreateAsync();
        using var kafka = MockKafkaCluster.Start(1);
        var closedPort = ClosedPort();
        var config = SourceHarness.Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("database.port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var connector = new CdcConnector(config);

        var error = await Assert.ThrowsAnyAsync<ConnectException>(() => connector.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        output.WriteLine(error.Message);
        Assert.Contains($":{closedPort}", error.Message, StringComparison.Ordinal);
        Assert.Contains("database.port", error.Message, StringComparison.Ordinal);
        Assert.Equal(CdcConnectorState.Failed, connector.Status.State);
        Assert.Equal(0, connector.Metrics.Reconnects);
        new FaultReport("bad-input", "PostgreSQL unreachable at the first start", 0, 0, 0, 0, "clear error: " + error.Message.Split('\n')[0]).Write(output);
    }

    [Fact]
    public async Task WalsenderTerminatedMidStream_TheConnectorReconnects_NothingLost()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 2);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);
        var config = SourceHarness.Config(db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
            ("value.converter.schemas.enable", "false"),
            (PostgresConnectorConfigDef.RetriableRestartWaitConfig, "500"));
        var slot = config["slot.name"];
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = connector.RunAsync(stop.Token);
        await SourceHarness.WaitForSlotAsync(db, slot, run);

        const int Rows = 3000;
        var load = Task.Run(async () =>
        {
            for (var start = 1; start <= Rows; start += 20)
            {
                await db.ExecuteAsync($"INSERT INTO items SELECT g, 'row ' || g FROM generate_series({start}, {start + 19}) g");
                await Task.Delay(20);
            }
        });

        // Twice, each time once the connector streams again and has delivered more.
        var terminated = new List<int>();
        var seenAtLastTermination = 0;
        foreach (var after in (int[])[500, 1500])
        {
            await ids.WaitForAsync(after, TimeSpan.FromSeconds(60));
            await Eventually.HoldsAsync(() => SlotQueries.IsActiveAsync(db, slot), "the slot is streaming");
            await using var connection = await db.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT active_pid, pg_terminate_backend(active_pid, 60000) FROM pg_replication_slots WHERE slot_name = $1 AND active", connection);
            command.Parameters.AddWithValue(slot);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the slot has a walsender to terminate");
            // With a timeout, pg_terminate_backend returns once the walsender has exited: on a loaded machine a signalled
            // walsender can keep streaming for a while, and the next round would terminate the same one again.
            Assert.True(reader.GetBoolean(1), "the walsender exited on pg_terminate_backend");
            terminated.Add(reader.GetInt32(0));
            seenAtLastTermination = ids.Distinct;
        }

        await load;
        await ids.WaitForAsync(Rows, TimeSpan.FromSeconds(120));
        await Eventually.HoldsAsync(() => SlotQueries.IsActiveAsync(db, slot), "the slot is streaming again");
        var state = connector.Status.State;
        var reconnects = connector.Metrics.Reconnects;
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var lost = Enumerable.Range(1, Rows).Count(i => !ids.Has(i));
        new FaultReport("cdc", "walsender terminated twice mid-stream (pg_terminate_backend on the slot's active_pid)", Rows, lost, ids.Duplicates, reconnects,
            $"terminated pids {string.Join(",", terminated)}; re-read and skipped (already in Kafka): {connector.Metrics.ReplaysSkipped}").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(CdcConnectorState.Running, state);
        Assert.True(reconnects >= 2, $"one reconnect per terminated walsender (got {reconnects})");
        Assert.InRange(ids.Duplicates, 0, 20 * reconnects);
        Assert.True(seenAtLastTermination >= 1500);
    }

    [Fact]
    public async Task WrongPassword_FailsWithAClearErrorNamingUserAndHost()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var kafka = MockKafkaCluster.Start(1);
        var config = SourceHarness.Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("database.password", "definitely-wrong"));
        var connector = new CdcConnector(config);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connector.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90)));

        output.WriteLine(error.ToString().Split('\n')[0]);
        Assert.Contains(config["database.user"], error.Message, StringComparison.Ordinal);
        Assert.Contains(config["database.hostname"], error.Message, StringComparison.Ordinal);
        Assert.Equal(CdcConnectorState.Failed, connector.Status.State);
        new FaultReport("bad-input", "wrong PostgreSQL password", 0, 0, 0, 0, "clear error: " + error.Message.Split('\n')[0]).Write(output);
    }

    private static Dictionary<string, string> Config(PrivatePostgres server, string database, MockKafkaCluster kafka) => new()
    {
        ["name"] = "pg-" + database,
        ["connector.class"] = PostgresConnectorConfigDef.ConnectorClass,
        ["database.hostname"] = server.Host,
        ["database.port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["database.user"] = server.User,
        ["database.password"] = server.Password,
        ["database.dbname"] = database,
        ["topic.prefix"] = "srv",
        ["plugin.name"] = "pgoutput",
        ["slot.name"] = "slot_" + Guid.NewGuid().ToString("N")[..12],
        ["snapshot.mode"] = "no_data",
        ["bootstrap.servers"] = kafka.BootstrapServers,
        ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
        ["value.converter.schemas.enable"] = "false",
    };

    // The application's inserts, 20 rows a transaction (about 5 s in all), retried while the server is down.
    private static Task LoadAsync(PrivatePostgres server, string database, int rows, StrongBox<int> committed) => Task.Run(async () =>
    {
        for (var start = 1; start <= rows; start += 20)
        {
            while (true)
            {
                try
                {
                    await ExecuteAsync(server, database, $"INSERT INTO items SELECT g, 'row ' || g FROM generate_series({start}, {start + 19}) g");
                    Volatile.Write(ref committed.Value, start + 19);
                    break;
                }
                catch (NpgsqlException)
                {
                    await Task.Delay(200);
                }
            }

            await Task.Delay(30);
        }
    });

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(PrivatePostgres server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> SlotActiveAsync(PrivatePostgres server, string database, string slot)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString(database));
            await connection.OpenAsync();
            // Created (it has a confirmed_flush_lsn) and held by a walsender: changes from now on are streamed.
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1 AND active AND confirmed_flush_lsn IS NOT NULL", connection);
            command.Parameters.AddWithValue(slot);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
