using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>The snapshot's completion lives in Connect's offsets topic, so a slot left by an unfinished snapshot is not trusted.</summary>
public sealed class SnapshotOffsetTests
{
    private const short ProduceApi = 0;

    [Fact]
    public async Task Snapshot_not_acknowledged_by_Kafka_before_a_stop_is_taken_again_on_restart_and_streaming_misses_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items SELECT generate_series(1, 50)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("snapshot.mode", "initial"));

        // Kafka accepts connections and serves the offsets topic but acknowledges no record: the snapshot is read, never delivered.
        kafka.PushRequestErrors(ProduceApi, Enumerable.Repeat(ErrorCode.NotEnoughReplicas, 100_000).ToArray());
        var first = new CdcConnector(config) { FlushTimeout = TimeSpan.FromSeconds(2) };
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => first.RunAsync(stop.Token));
            await WaitForSlotAsync(db, config["slot.name"], run);
            await WaitUntilAsync(() => first.InFlight == 50, run);
            await db.ExecuteAsync("INSERT INTO items VALUES (51)");
            await WaitUntilAsync(() => first.InFlight == 51, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal(0, first.DeliveredCount);
        Assert.False(first.SnapshotOffsetStored);
        Assert.Equal(1L, await SlotCountAsync(db, config["slot.name"]));

        kafka.ClearRequestErrors(ProduceApi);
        var second = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => second.RunAsync(stop.Token));
            await WaitUntilAsync(() => second.DeliveredCount == 51 && second.SnapshotOffsetStored, run);
            await db.ExecuteAsync("INSERT INTO items VALUES (52)");
            await WaitUntilAsync(() => second.DeliveredCount == 52, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var events = Consume(kafka.BootstrapServers, "srv.public.items", 52);
        Assert.Equal(Enumerable.Range(1, 51).Select(i => (i, "r")), events.Take(51));
        Assert.Equal((52, "c"), events[^1]);
        Assert.True(SourceOffsets.IsSnapshotCompleted(await ReadOffsetAsync(kafka, second, config)));
    }

    [Fact]
    public async Task A_slot_left_by_a_killed_snapshot_is_dropped_and_the_snapshot_redone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items SELECT generate_series(1, 20)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("snapshot.mode", "initial"));

        // What a SIGKILL in the middle of the snapshot leaves behind: the slot, and at most an offset written while the
        // snapshot ran (Debezium's snapshot=true without last_snapshot_record).
        await using (var connection = await db.OpenAsync())
        {
            await using var create = new NpgsqlCommand("SELECT pg_create_logical_replication_slot($1, 'pgoutput')", connection);
            create.Parameters.AddWithValue(config["slot.name"]);
            await create.ExecuteNonQueryAsync();
        }

        var connector = new CdcConnector(config);
        using (var offsets = new KafkaOffsetStore(connector.OffsetStorageTopic, Producer(kafka), config["name"], Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            await offsets.WriteAsync("srv", new JsonObject { ["ts_usec"] = 1, ["txId"] = 700, ["lsn"] = 1000, ["snapshot"] = true, ["last_snapshot_record"] = false }, CancellationToken.None);
        }

        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => connector.RunAsync(stop.Token));
            await WaitUntilAsync(() => connector.DeliveredCount == 20 && connector.SnapshotOffsetStored, run);
            await db.ExecuteAsync("INSERT INTO items VALUES (21)");
            await WaitUntilAsync(() => connector.DeliveredCount == 21, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var events = Consume(kafka.BootstrapServers, "srv.public.items", 21);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (i, "r")), events.Take(20));
        Assert.Equal((21, "c"), events[^1]);
    }

    [Fact]
    public async Task A_completed_snapshot_is_stored_as_Connect_offset_and_not_repeated_on_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items VALUES (1), (2), (3)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("snapshot.mode", "initial"));

        var first = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => first.RunAsync(stop.Token));
            await WaitUntilAsync(() => first.DeliveredCount == 3 && first.SnapshotOffsetStored, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var offset = await ReadOffsetAsync(kafka, first, config);
        Assert.NotNull(offset);
        Assert.True((bool)offset["last_snapshot_record"]!);
        Assert.True((bool)offset["snapshot_completed"]!);
        Assert.True((long)offset["lsn"]! > 0);
        Assert.True((long)offset["txId"]! > 0);
        Assert.Equal(Encoding.UTF8.GetString(KafkaOffsetStore.Key(config["name"], "srv")), $"[\"{config["name"]}\",{{\"server\":\"srv\"}}]");

        var second = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => second.RunAsync(stop.Token));
            await WaitForSlotAsync(db, config["slot.name"], run);
            await db.ExecuteAsync("INSERT INTO items VALUES (4)");
            await WaitUntilAsync(() => second.DeliveredCount == 1, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.False(second.SnapshotOffsetStored);
        var events = Consume(kafka.BootstrapServers, "srv.public.items", 4);
        Assert.Equal([(1, "r"), (2, "r"), (3, "r"), (4, "c")], events);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "w" }).Build();
        Assert.Equal(4, consumer.QueryWatermarkOffsets(new TopicPartition("srv.public.items", 0), TimeSpan.FromSeconds(10)).High.Value);
    }

    [Fact]
    public async Task Streaming_offsets_are_stored_so_switching_from_no_data_to_initial_keeps_the_slot()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items VALUES (1)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("snapshot.mode", "no_data"));

        var first = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => first.RunAsync(stop.Token));
            await WaitForSlotAsync(db, config["slot.name"], run);
            await db.ExecuteAsync("INSERT INTO items VALUES (2)");
            await WaitUntilAsync(() => first.DeliveredCount == 1, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var offset = await ReadOffsetAsync(kafka, first, config);
        Assert.NotNull(offset);
        Assert.Null(offset["snapshot"]);
        Assert.Equal((long)first.SafeLsn, (long)offset["lsn_proc"]!);
        Assert.True(SourceOffsets.IsSnapshotCompleted(offset));

        config["snapshot.mode"] = "initial";
        var second = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => second.RunAsync(stop.Token));
            await WaitForSlotAsync(db, config["slot.name"], run);
            await db.ExecuteAsync("INSERT INTO items VALUES (3)");
            await WaitUntilAsync(() => second.DeliveredCount == 1, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal([(2, "c"), (3, "c")], Consume(kafka.BootstrapServers, "srv.public.items", 2));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("""{"lsn":5,"txId":7,"ts_usec":1,"snapshot":true,"last_snapshot_record":false}""", false)]
    [InlineData("""{"lsn":5,"txId":7,"ts_usec":1,"snapshot":true,"last_snapshot_record":true}""", true)]
    [InlineData("""{"lsn":5,"snapshot":"INITIAL","snapshot_completed":true}""", true)]
    [InlineData("""{"lsn":5,"snapshot":"INITIAL","snapshot_completed":false}""", false)]
    [InlineData("""{"lsn":5,"lsn_proc":5,"ts_usec":1}""", true)]
    public void Stored_offsets_are_read_like_Debeziums_loader(string? json, bool completed)
    {
        Assert.Equal(completed, SourceOffsets.IsSnapshotCompleted(json is null ? null : (JsonObject)JsonNode.Parse(json)!));
    }

    [Fact]
    public async Task A_cdc_process_killed_before_Kafka_acknowledged_its_snapshot_snapshots_again_on_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items SELECT generate_series(1, 30)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic("srv.public.items", 1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("snapshot.mode", "initial"));
        var file = Path.Combine(Directory.CreateTempSubdirectory("cdc-kill-").FullName, "source.properties");
        await File.WriteAllLinesAsync(file, config.Select(p => $"{p.Key}={p.Value}"));

        kafka.PushRequestErrors(ProduceApi, Enumerable.Repeat(ErrorCode.NotEnoughReplicas, 100_000).ToArray());
        await using (var process = ConnectProcess.Start(["cdc", "--config", file], new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = kafka.BootstrapServers }))
        {
            // The slot turns active for streaming once the whole snapshot is read (./connect may build itself first).
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (!await SlotActiveAsync(db, config["slot.name"]))
            {
                Assert.False(process.HasExited, "./connect cdc exited early: " + process.StandardError);
                Assert.True(DateTime.UtcNow < deadline, "slot not active within 5 minutes: " + process.StandardError);
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            process.KillHard();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        while (await SlotActiveAsync(db, config["slot.name"]))
        {
            await Task.Delay(100);
        }

        Assert.Equal(1L, await SlotCountAsync(db, config["slot.name"]));
        kafka.ClearRequestErrors(ProduceApi);
        var connector = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => connector.RunAsync(stop.Token));
            await WaitUntilAsync(() => connector.DeliveredCount == 30 && connector.SnapshotOffsetStored, run);
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (i, "r")), Consume(kafka.BootstrapServers, "srv.public.items", 30));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    private static Task<bool> SlotActiveAsync(TestDatabase db, string slot) => SlotQueries.IsActiveAsync(db, slot);

    private static Dictionary<string, string> Producer(MockKafkaCluster kafka) => new()
    {
        ["bootstrap.servers"] = kafka.BootstrapServers,
        ["acks"] = "all",
        ["enable.idempotence"] = "true",
    };

    private static async Task<JsonObject?> ReadOffsetAsync(MockKafkaCluster kafka, CdcConnector connector, Dictionary<string, string> config)
    {
        using var store = new KafkaOffsetStore(connector.OffsetStorageTopic, Producer(kafka), config["name"], Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await store.ReadAsync("srv", timeout.Token);
    }

    private static List<(int Id, string Op)> Consume(string bootstrap, string topic, int count) =>
        TopicReader.ReadValues(bootstrap, topic, count)
            .Select(v => JsonNode.Parse(v)!["payload"]!)
            .Select(payload => ((int)payload["after"]!["id"]!, (string)payload["op"]!))
            .ToList();

    private static Task<long> SlotCountAsync(TestDatabase db, string slot) => SlotQueries.CountAsync(db, slot);

    private static Task WaitUntilAsync(Func<bool> condition, Task run) =>
        ConnectorWait.UntilAsync(condition, run, TimeSpan.FromSeconds(90));
}
