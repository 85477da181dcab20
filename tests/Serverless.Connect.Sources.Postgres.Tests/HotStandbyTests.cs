using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class HotStandbyTests
{
    [Fact]
    public async Task When_the_slot_is_released_exactly_one_of_two_standbys_takes_over_and_the_other_keeps_standing_by()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        using var ids = new IdCollector(kafka.BootstrapServers, "srv.public.items");
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("serverless.standby.poll.interval.ms", "50"));
        var first = new CdcConnector(config);
        using var stopFirst = new CancellationTokenSource();
        var firstRun = Task.Run(() => first.RunAsync(stopFirst.Token));
        await WaitForSlotAsync(db, config["slot.name"], firstRun);
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(1, 10)");
        await ids.WaitForAsync(10, TimeSpan.FromSeconds(60));

        var standbys = new[] { new CdcConnector(config), new CdcConnector(config) };
        using var stop = new CancellationTokenSource();
        var runs = standbys.Select(s => Task.Run(() => s.RunAsync(stop.Token))).ToArray();
        var all = Task.WhenAll(runs);
        await ConnectorWait.UntilAsync(() => standbys.All(s => s.Status.State == CdcConnectorState.Standby), all, TimeSpan.FromSeconds(60));

        // A graceful stop releases the slot at once; both standbys see it free within one poll and race for it.
        await stopFirst.CancelAsync();
        await firstRun.WaitAsync(TimeSpan.FromSeconds(60));
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(11, 20)");
        await ConnectorWait.UntilAsync(() => standbys.Sum(s => s.DeliveredCount) >= 10, all, TimeSpan.FromSeconds(60));
        await ids.WaitForAsync(20, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(standbys, s => s.Status.State == CdcConnectorState.Running);
        Assert.Single(standbys, s => s.Status.State == CdcConnectorState.Standby && s.DeliveredCount == 0);
        Assert.Equal(20, ids.Messages);
        await stop.CancelAsync();
        await all.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
