using Confluent.Kafka;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Sources.Postgres.Tests;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>The CDC connector streaming a steady insert load into its own mock cluster while every broker goes down and produce requests fail.</summary>
public sealed class CdcKafkaFaultTests(ITestOutputHelper output)
{
    private const short ProduceApi = 0;

    [Fact]
    public async Task AllBrokersDown30s_ThenProduceErrors_EveryRowArrives_AndTheSlotWaits()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text)");
        using var kafka = MockKafkaCluster.Start(3);
        const string topic = "srv.public.items";
        kafka.CreateTopic(topic, 3);
        // Values without schemas keep the load inside the mock broker's per-partition retention.
        var config = SourceHarness.Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
            ("value.converter.schemas.enable", "false"));
        var slot = config["slot.name"];
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await SourceHarness.WaitForSlotAsync(db, slot, run);
        using var ids = new IdCollector(kafka.BootstrapServers, topic);

        var inserted = 0;
        using var loadStop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!loadStop.IsCancellationRequested)
            {
                var from = inserted + 1;
                await db.ExecuteAsync($"INSERT INTO items SELECT g, 'row ' || g FROM generate_series({from}, {from + 19}) g");
                inserted += 20;
                await Task.Delay(100);
            }
        });

        await Eventually.HoldsAsync(() => connector.DeliveredCount >= 500 || run.IsCompleted, "some rows are delivered");
        Assert.False(run.IsCompleted, "the connector stopped early");
        for (var b = 1; b <= kafka.BrokerCount; b++)
        {
            kafka.SetBrokerDown(b);
        }

        // Acks in flight when the brokers went may still land; after that nothing may be confirmed.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var confirmedAtDown = await SlotQueries.ConfirmedFlushAsync(db, slot);
        var deliveredAtDown = connector.DeliveredCount;
        await Task.Delay(TimeSpan.FromSeconds(27));
        var confirmedAfterOutage = await SlotQueries.ConfirmedFlushAsync(db, slot);
        var deliveredWhileDown = connector.DeliveredCount - deliveredAtDown;
        Assert.False(run.IsCompleted, "the connector gave up while the brokers were down");
        for (var b = 1; b <= kafka.BrokerCount; b++)
        {
            kafka.SetBrokerUp(b);
        }

        kafka.PushRequestErrors(ProduceApi, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.LeaderNotAvailable);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await loadStop.CancelAsync();
        await load;
        var total = inserted;

        try
        {
            await ids.WaitForAsync(total, TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException e)
        {
            // Tells a producer that never delivered from a consumer that never read.
            throw new TimeoutException(
                $"{e.Message}; connector delivered {connector.DeliveredCount}, in flight {connector.InFlight}, state {connector.Status.State}, " +
                $"run completed {run.IsCompleted}; missing ids {string.Join(",", Enumerable.Range(1, total).Where(i => !ids.Has(i)).Take(80))}",
                e);
        }
        await Eventually.HoldsAsync(() => connector.DeliveredCount >= total || run.IsCompleted, "every row is acknowledged");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var lost = Enumerable.Range(1, total).Count(i => !ids.Has(i));
        new FaultReport("cdc", "all 3 brokers down 30 s + Produce request errors", total, lost, ids.Duplicates, 0,
            $"delivered while down={deliveredWhileDown}; confirmed_flush_lsn {confirmedAtDown:X}->{confirmedAfterOutage:X} while down").Write(output);
        Assert.Equal(0, lost);
        Assert.Equal(confirmedAtDown, confirmedAfterOutage);
        Assert.Equal(0, deliveredWhileDown);
        Assert.True(await SlotQueries.ConfirmedFlushAsync(db, slot) > confirmedAfterOutage, "the slot never moved after the brokers came back");
    }
}
