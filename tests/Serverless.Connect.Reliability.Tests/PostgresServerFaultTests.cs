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

/// <summary>Faults of the PostgreSQL server itself, on a private server (the shared one must not be restarted or reconfigured).</summary>
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
    public async Task RestartMidLoad_TheReaderResumesFromTheSlot_NothingLost()
    {
        await using var server = await PrivatePostgres.StartAsync();
        var database = await server.CreateDatabaseAsync("restart");
        await ExecuteAsync(server, database, "CREATE TABLE items (id int PRIMARY KEY, name text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 2);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);
        var config = Config(server, database, kafka);
        var slot = config["slot.name"];

        var restarts = 0;
        var runs = new List<string>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            // A reader as deployed: a task that fails on a lost server is restarted (by the host or by Kubernetes) and
            // resumes from the slot's confirmed_flush_lsn.
            while (!stop.IsCancellationRequested)
            {
                var connector = new CdcConnector(config);
                try
                {
                    await connector.RunAsync(stop.Token);
                    runs.Add("stopped");
                    return;
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    runs.Add(e.GetType().Name + ": " + e.Message.Split('\n')[0]);
                    Interlocked.Increment(ref restarts);
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }
        });

        await Eventually.HoldsAsync(async () => await SlotActiveAsync(server, database, slot), "the slot is streaming");
        const int Rows = 3000;
        var inserted = 0;
        var load = Task.Run(async () =>
        {
            for (var start = 1; start <= Rows; start += 20)
            {
                while (true)
                {
                    try
                    {
                        await ExecuteAsync(server, database, $"INSERT INTO items SELECT g, 'row ' || g FROM generate_series({start}, {start + 19}) g");
                        break;
                    }
                    catch (NpgsqlException)
                    {
                        // The server is restarting; the application retries its transaction.
                        await Task.Delay(200);
                    }
                }

                Volatile.Write(ref inserted, start + 19);
                await Task.Delay(10);
            }
        });

        await ids.WaitForAsync(600, TimeSpan.FromSeconds(60));
        await server.RestartAsync();
        var seenAtRestart = ids.Distinct;
        await load;
        await ids.WaitForAsync(Rows, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(60));

        var lost = Enumerable.Range(1, Rows).Count(i => !ids.Has(i));
        new FaultReport("cdc", "PostgreSQL restart (pg_ctl restart -m fast) mid-load", Rows, lost, ids.Duplicates, restarts,
            $"ids at restart={seenAtRestart}; reader runs: {string.Join(" | ", runs)}").Write(output);
        Assert.Equal(0, lost);
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
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1 AND active", connection);
            command.Parameters.AddWithValue(slot);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
