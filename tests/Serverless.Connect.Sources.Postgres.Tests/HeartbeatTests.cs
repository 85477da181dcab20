using Serverless.Connect.Data;
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
}
