using Serverless.Connect.CdcReader;
using Serverless.Connect.Data;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Heartbeats_go_to_the_heartbeat_topic_and_run_the_action_query()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE heartbeat (id int PRIMARY KEY, beat timestamptz NOT NULL)");
        await using var source = await StartAsync(db, Config(
            db,
            ("heartbeat.interval.ms", "100"),
            ("heartbeat.action.query", "INSERT INTO heartbeat VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET beat = now()")));

        ConnectRecord? heartbeat = null;
        ConnectRecord? change = null;
        while (heartbeat is null || change is null)
        {
            var record = await source.NextAsync();
            if (record.Topic == "__debezium-heartbeat.srv")
            {
                heartbeat ??= record;
            }
            else
            {
                change ??= record;
            }
        }

        Assert.Equal("io.debezium.connector.common.ServerNameKey", heartbeat.KeySchema!.Name);
        Assert.Equal("srv", ((Struct)heartbeat.Key!).Get("serverName"));
        Assert.Equal("io.debezium.connector.common.Heartbeat", heartbeat.ValueSchema!.Name);
        Assert.IsType<long>(((Struct)heartbeat.Value!).Get("ts_ms"));
        Assert.Equal("srv.public.heartbeat", change.Topic);
    }

    [Fact]
    public async Task On_an_idle_database_heartbeats_reach_Kafka_and_the_action_query_keeps_the_slot_advancing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); CREATE TABLE heartbeat (id int PRIMARY KEY, beat timestamptz NOT NULL)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("__debezium-heartbeat.srv", 1);
        var config = Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("heartbeat.interval.ms", "200"),
            ("heartbeat.action.query", "INSERT INTO heartbeat VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET beat = now()"));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, config["slot.name"], run);
        var initial = await SlotQueries.ConfirmedFlushAsync(db, config["slot.name"]);

        // No change to the captured data at all: only the heartbeat's own writes move the slot.
        ulong confirmed = 0;
        await ConnectorWait.UntilAsync(
            () => (confirmed = SlotQueries.ConfirmedFlushAsync(db, config["slot.name"]).GetAwaiter().GetResult()) > initial,
            run,
            TimeSpan.FromSeconds(60));
        await ConnectorWait.UntilAsync(
            () => SlotQueries.ConfirmedFlushAsync(db, config["slot.name"]).GetAwaiter().GetResult() > confirmed,
            run,
            TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var beats = TopicReader.ReadValues(kafka.BootstrapServers, "__debezium-heartbeat.srv", 2);
        Assert.All(beats, b => Assert.Contains("\"name\":\"io.debezium.connector.common.Heartbeat\"", System.Text.Encoding.UTF8.GetString(b), StringComparison.Ordinal));
    }
}
