using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>The CDC reader's restart after a lost connection, against the real server: it waits on its own clock.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task The_restart_waits_the_backoff_on_the_connectors_clock_then_streams_from_the_slot()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        using var ids = new IdCollector(kafka.BootstrapServers, "srv.public.items");
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers));
        var slot = config["slot.name"];

        // The clock only moves when the test says so: the restart must wait for it, not for real time.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var connector = new CdcConnector(config, timeProvider: clock);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, slot, run);
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(1, 10)");
        await ids.WaitForAsync(10, TimeSpan.FromSeconds(60));

        await using (var admin = await db.OpenAsync())
        {
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(active_pid, 60000) FROM pg_replication_slots WHERE slot_name = $1 AND active", admin);
            terminate.Parameters.AddWithValue(slot);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        await ConnectorWait.UntilAsync(() => connector.Metrics.Reconnects == 1, run, TimeSpan.FromSeconds(60));
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(11, 20)");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(await SlotQueries.IsActiveAsync(db, slot), "no restart before the first backoff (0.5 s) passed on the clock");
        Assert.Equal(CdcConnectorState.Running, connector.Status.State);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(await SlotQueries.IsActiveAsync(db, slot), "still waiting at 499 ms");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForSlotAsync(db, slot, run);
        await ids.WaitForAsync(20, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, ids.Duplicates);
        Assert.Equal(1, connector.Metrics.Reconnects);
        Assert.Equal(20, connector.DeliveredCount);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(CdcConnectorState.Stopped, connector.Status.State);
    }
}
