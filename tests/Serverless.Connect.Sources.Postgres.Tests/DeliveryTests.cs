using System.Text;
using Confluent.Kafka;
using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class DeliveryTests
{
    [Fact]
    public async Task Confirmed_flush_lsn_moves_only_after_Kafka_acknowledges_and_waits_while_brokers_are_down()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, config["slot.name"], run);
        var initial = await ConfirmedFlushAsync(db, config["slot.name"]);

        await db.ExecuteAsync("INSERT INTO items VALUES (1, 'one'), (2, 'two')");
        await WaitUntilAsync(() => connector.DeliveredCount == 2, run);
        var afterFirst = await WaitForConfirmedAboveAsync(db, config["slot.name"], initial, run);

        kafka.SetBrokerDown(1);
        await db.ExecuteAsync("INSERT INTO items VALUES (3, 'three')");
        await WaitUntilAsync(() => connector.InFlight == 1, run);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, connector.DeliveredCount);
        Assert.Equal(afterFirst, await ConfirmedFlushAsync(db, config["slot.name"]));

        kafka.SetBrokerUp(1);
        await WaitUntilAsync(() => connector.DeliveredCount == 3, run);
        await WaitForConfirmedAboveAsync(db, config["slot.name"], afterFirst, run);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var values = Consume(kafka.BootstrapServers, "srv.public.items", 3);
        Assert.Contains("\"after\":{\"id\":3,\"name\":\"three\"}", values[2], StringComparison.Ordinal);
        Assert.StartsWith("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"id\"}", values[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_producer_queue_while_Kafka_is_down_is_backpressure_and_loses_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("max.queue.size", "2"),
            ("producer.override.queue.buffering.max.messages", "3"));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, config["slot.name"], run);
        kafka.SetBrokerDown(1);

        for (var i = 1; i <= 40; i++)
        {
            await db.ExecuteAsync($"INSERT INTO items VALUES ({i})");
        }

        // Three records fill librdkafka's queue and a fourth waits for room; the channel behind it then fills and WAL reading stops.
        await WaitUntilAsync(() => connector.InFlight >= 4, run);
        Assert.Equal(0, connector.DeliveredCount);
        kafka.SetBrokerUp(1);
        await WaitUntilAsync(() => connector.DeliveredCount == 40, run);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var values = Consume(kafka.BootstrapServers, "srv.public.items", 40);
        Assert.Equal(
            Enumerable.Range(1, 40).Select(i => $"\"after\":{{\"id\":{i}}}"),
            values.Select(v => v[v.IndexOf("\"after\":", StringComparison.Ordinal)..(v.IndexOf("},\"source\"", StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public async Task Graceful_stop_drains_and_confirms_everything_delivered_and_restart_resumes_without_loss()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers));

        var first = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => first.RunAsync(stop.Token));
            await WaitForSlotAsync(db, config["slot.name"], run);
            await db.ExecuteAsync("INSERT INTO items SELECT generate_series(1, 500)");
            await WaitUntilAsync(() => first.DeliveredCount == 500, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal(first.SafeLsn, first.Source.ConfirmedLsn);
        Assert.Equal(first.SafeLsn, await ConfirmedFlushAsync(db, config["slot.name"]));
        await db.ExecuteAsync("INSERT INTO items VALUES (501)");

        var second = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => second.RunAsync(stop.Token));
            await WaitUntilAsync(() => second.DeliveredCount >= 1, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var values = Consume(kafka.BootstrapServers, "srv.public.items", 501);
        Assert.Equal(501, values.Distinct().Count(v => v.Contains("\"op\":\"c\"", StringComparison.Ordinal)));
        Assert.Contains("\"after\":{\"id\":501}", values[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graceful_stop_waits_until_the_server_has_applied_the_final_confirmed_lsn()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers));
        var slot = config["slot.name"];
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, slot, run);
        await db.ExecuteAsync("INSERT INTO items SELECT generate_series(1, 200)");
        await WaitUntilAsync(() => connector.DeliveredCount == 200, run);

        // A walsender that falls behind its socket (a busy server) while the reader stops: the last status update
        // is written but not yet read. Stopping the stream must not overtake it, or the slot keeps an older position
        // and the next start sends again what Kafka already has.
        using (var walsender = PausedProcess.Pause(await SlotQueries.ActivePidAsync(db, slot)))
        {
            await stop.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(run.IsCompleted, "the stop waits for the server to apply the final status");
            walsender.Resume();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal(connector.SafeLsn, await ConfirmedFlushAsync(db, slot));
    }

    [Fact]
    public async Task The_slot_wait_returns_only_once_the_slot_is_consistent_so_no_data_streams_every_later_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();

        // A transaction open when the slot is created keeps it building (held by its walsender, no consistent point
        // yet) until it ends; a change committed meanwhile is before the slot's start and never streamed (no_data).
        await using var open = await db.OpenAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using (var xid = new NpgsqlCommand("SELECT txid_current()", open, transaction))
        {
            await xid.ExecuteScalarAsync();
        }

        var run = Task.Run(() => connector.RunAsync(stop.Token));
        var ready = WaitForSlotAsync(db, config["slot.name"], run);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(ready.IsCompleted, "the slot is not ready while it waits for the open transaction");
        await transaction.CommitAsync();
        await ready;

        await db.ExecuteAsync("INSERT INTO items VALUES (1)");
        await WaitUntilAsync(() => connector.DeliveredCount == 1, run);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Outbox_EventRouter_from_the_connector_config_routes_to_the_aggregate_topic()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TABLE outbox (id uuid PRIMARY KEY, aggregate_type varchar(255) NOT NULL, aggregate_id varchar(255) NOT NULL,
                event_type varchar(255) NOT NULL, payload jsonb NOT NULL)
            """);
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("events.order", 1);
        var config = Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("table.include.list", "public.outbox"),
            ("transforms", "outbox"),
            ("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter"),
            ("transforms.outbox.table.field.event.key", "aggregate_id"),
            ("transforms.outbox.table.field.event.payload", "payload"),
            ("transforms.outbox.route.by.field", "aggregate_type"),
            ("transforms.outbox.route.topic.replacement", "events.${routedByValue}"));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, config["slot.name"], run);

        await db.ExecuteAsync("""
            INSERT INTO outbox VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'order', 'order-123', 'OrderCreated', '{"order_id": "123"}');
            DELETE FROM outbox;
            """);
        await WaitUntilAsync(() => connector.DeliveredCount == 1, run);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var value = Assert.Single(Consume(kafka.BootstrapServers, "events.order", 1));
        Assert.Equal("""{"schema":{"type":"string","optional":false,"name":"io.debezium.data.Json","version":1},"payload":"{\"order_id\": \"123\"}"}""", value);
    }

    private static List<string> Consume(string bootstrap, string topic, int count) =>
        TopicReader.ReadValues(bootstrap, topic, count).Select(v => Encoding.UTF8.GetString(v)).ToList();

    private static Task<ulong> ConfirmedFlushAsync(TestDatabase db, string slot) => SlotQueries.ConfirmedFlushAsync(db, slot);

    private static async Task<ulong> WaitForConfirmedAboveAsync(TestDatabase db, string slot, ulong previous, Task run)
    {
        ulong current = 0;
        await WaitUntilAsync(() => (current = ConfirmedFlushAsync(db, slot).GetAwaiter().GetResult()) > previous, run);
        return current;
    }

    private static Task WaitUntilAsync(Func<bool> condition, Task run) =>
        ConnectorWait.UntilAsync(condition, run, TimeSpan.FromSeconds(60));
}
