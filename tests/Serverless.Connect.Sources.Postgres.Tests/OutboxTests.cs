using System.Text;
using Confluent.Kafka;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class OutboxTests
{
    private const string CreateOutbox = """
        CREATE TABLE outbox (id uuid PRIMARY KEY, aggregatetype varchar(255) NOT NULL, aggregateid varchar(255) NOT NULL,
            event_type varchar(255) NOT NULL, payload jsonb NOT NULL)
        """;

    [Fact]
    public async Task EventRouter_routes_by_event_type_keys_by_aggregate_id_and_sets_the_id_header()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(CreateOutbox);
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("events.OrderCreated", 1);
        kafka.CreateTopic("events.OrderShipped", 1);
        var config = OutboxConfig(db, kafka);
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, config["slot.name"], run);

        await db.ExecuteAsync("""
            INSERT INTO outbox VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'order', 'order-1', 'OrderCreated', '{"n": 1}');
            INSERT INTO outbox VALUES ('b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 'order', 'order-1', 'OrderShipped', '{"n": 2}');
            """);
        await ConnectorWait.UntilAsync(() => connector.DeliveredCount == 2, run, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var created = Assert.Single(Consume(kafka.BootstrapServers, "events.OrderCreated", 1));
        Assert.Equal("order-1", JsonString(created.Message.Key));
        Assert.Equal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", Encoding.UTF8.GetString(created.Message.Headers.GetLastBytes("id")));
        Assert.Contains("\"payload\":\"{\\\"n\\\": 1}\"", Encoding.UTF8.GetString(created.Message.Value!), StringComparison.Ordinal);
        var shipped = Assert.Single(Consume(kafka.BootstrapServers, "events.OrderShipped", 1));
        Assert.Equal("order-1", JsonString(shipped.Message.Key));
        Assert.Equal("b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", Encoding.UTF8.GetString(shipped.Message.Headers.GetLastBytes("id")));
    }

    [Fact]
    public async Task Outbox_cleanup_deletes_rows_only_after_Kafka_acknowledged_their_events_and_the_deletes_are_not_routed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(CreateOutbox);
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("events.OrderCreated", 1);
        var config = OutboxConfig(
            db,
            kafka,
            ("serverless.outbox.cleanup.enabled", "true"),
            ("serverless.outbox.cleanup.interval.ms", "100"),
            ("serverless.outbox.cleanup.batch.size", "7"));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await WaitForSlotAsync(db, config["slot.name"], run);

        await db.ExecuteAsync("INSERT INTO outbox SELECT gen_random_uuid(), 'order', 'order-' || i, 'OrderCreated', '{}' FROM generate_series(1, 30) i");
        await ConnectorWait.UntilAsync(() => connector.OutboxRowsDeleted == 30, run, TimeSpan.FromSeconds(60));
        Assert.Equal(0L, await CountAsync(db, "outbox"));

        // While Kafka cannot acknowledge, nothing is deleted.
        kafka.SetBrokerDown(1);
        await db.ExecuteAsync("INSERT INTO outbox VALUES (gen_random_uuid(), 'order', 'order-31', 'OrderCreated', '{}')");
        await ConnectorWait.UntilAsync(() => connector.InFlight == 1, run, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1L, await CountAsync(db, "outbox"));
        kafka.SetBrokerUp(1);
        await ConnectorWait.UntilAsync(() => connector.OutboxRowsDeleted == 31, run, TimeSpan.FromSeconds(60));
        Assert.Equal(0L, await CountAsync(db, "outbox"));

        // The 31 deletes (and their tombstones) come back through the slot before this insert; the EventRouter drops them.
        await db.ExecuteAsync("INSERT INTO outbox VALUES (gen_random_uuid(), 'order', 'order-32', 'OrderCreated', '{}')");
        await ConnectorWait.UntilAsync(() => connector.OutboxRowsDeleted == 32, run, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(32, connector.DeliveredCount);
        Assert.Equal(32, Consume(kafka.BootstrapServers, "events.OrderCreated", 32).Count);
    }

    [Fact]
    public void Outbox_cleanup_without_a_table_list_is_a_config_error_naming_the_key()
    {
        var config = new Dictionary<string, string>
        {
            ["name"] = "outbox-config",
            ["connector.class"] = PostgresConnectorConfigDef.ConnectorClass,
            ["database.hostname"] = "localhost",
            ["database.user"] = "u",
            ["database.dbname"] = "db",
            ["topic.prefix"] = "srv",
            ["bootstrap.servers"] = "127.0.0.1:1",
            ["serverless.outbox.cleanup.enabled"] = "true",
        };

        var error = Assert.Throws<Errors.ConnectException>(() => new CdcConnector(config));

        Assert.Contains("serverless.outbox.cleanup.table.include.list", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> OutboxConfig(TestDatabase db, MockKafkaCluster kafka, params (string Key, string Value)[] extra) =>
        Config(
            db,
            [
                ("bootstrap.servers", kafka.BootstrapServers),
                ("table.include.list", "public.outbox"),
                ("transforms", "outbox"),
                ("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter"),
                ("transforms.outbox.route.by.field", "event_type"),
                ("transforms.outbox.route.topic.replacement", "events.${routedByValue}"),
                .. extra,
            ]);

    private static async Task<long> CountAsync(TestDatabase db, string table)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string JsonString(byte[]? json) => System.Text.Json.JsonDocument.Parse(json!).RootElement is var root && root.TryGetProperty("payload", out var payload)
        ? payload.GetString()!
        : root.GetString()!;

    private static List<ConsumeResult<byte[]?, byte[]?>> Consume(string bootstrap, string topic, int count)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "g-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { Message: not null } result)
            {
                results.Add(result);
            }
        }

        // Nothing beyond the expected count may follow.
        if (results.Count == count && consumer.Consume(TimeSpan.FromSeconds(1)) is { Message: not null } extra)
        {
            results.Add(extra);
        }

        consumer.Close();
        return results;
    }
}
