using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public async Task Initial_snapshot_then_streaming_misses_and_doubles_nothing_while_rows_are_inserted_concurrently()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items SELECT g, 'row ' || g FROM generate_series(1, 3000) g");
        using var stopInserts = new CancellationTokenSource();
        var inserted = 3000;
        var inserter = Task.Run(async () =>
        {
            await using var connection = await db.OpenAsync();
            while (!stopInserts.IsCancellationRequested)
            {
                await using var command = new Npgsql.NpgsqlCommand($"INSERT INTO items VALUES ({inserted + 1}, 'late')", connection);
                await command.ExecuteNonQueryAsync();
                inserted++;
            }
        });

        await using var source = await StartAsync(db, Config(db, ("snapshot.mode", "initial"), ("snapshot.fetch.size", "100")));
        var seen = new Dictionary<int, string>();
        var streamed = 0;
        while (streamed < 20)
        {
            var record = await source.NextAsync();
            var id = (int)After(record).Get("id")!;
            var op = Op(record);
            Assert.True(seen.TryAdd(id, op), $"row {id} delivered twice ({seen.GetValueOrDefault(id)} then {op})");
            streamed += op == "c" ? 1 : 0;
        }

        await stopInserts.CancelAsync();
        await inserter;
        while (seen.Count < inserted)
        {
            var record = await source.NextAsync();
            var id = (int)After(record).Get("id")!;
            Assert.True(seen.TryAdd(id, Op(record)), $"row {id} delivered twice");
        }

        Assert.Equal(Enumerable.Range(1, inserted), seen.Keys.Order());
        Assert.All(Enumerable.Range(1, 3000), id => Assert.Equal("r", seen[id]));
        Assert.Contains("c", seen.Values);
        var lastSnapshot = seen.Where(p => p.Value == "r").Max(p => p.Key);
        Assert.All(seen.Where(p => p.Key > lastSnapshot), p => Assert.Equal("c", p.Value));
    }

    [Fact]
    public async Task Snapshot_records_carry_Debeziums_markers_and_read_op()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY); INSERT INTO a VALUES (1), (2), (3); INSERT INTO b VALUES (1), (2)");
        await using var source = await StartAsync(db, Config(db, ("snapshot.mode", "initial")));

        var records = await source.NextAsync(5);

        Assert.All(records, r => Assert.Equal("r", Op(r)));
        Assert.All(records, r => Assert.Null(Before(r)));
        Assert.Equal(["srv.public.a", "srv.public.a", "srv.public.a", "srv.public.b", "srv.public.b"], records.Select(r => r.Topic));
        Assert.Equal(
            ["first", "true", "last_in_data_collection", "first_in_data_collection", "last"],
            records.Select(r => (string)((Struct)((Struct)r.Value!).Get("source")!).Get("snapshot")!));
        var source1 = (Struct)((Struct)records[0].Value!).Get("source")!;
        Assert.NotNull(source1.Get("lsn"));
        Assert.NotNull(source1.Get("txId"));

        await db.ExecuteAsync("INSERT INTO a VALUES (4)");
        var streamed = await source.NextAsync();
        Assert.Equal("c", Op(streamed));
        Assert.Equal("false", ((Struct)((Struct)streamed.Value!).Get("source")!).Get("snapshot"));
    }

    [Fact]
    public async Task Snapshot_stopped_before_it_finished_drops_the_slot_so_the_next_start_snapshots_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a SELECT generate_series(1, 100)");
        var config = Config(db, ("snapshot.mode", "initial"));
        var source = new PostgresChangeSource(PostgresConnectorConfig.Parse(config));
        var channel = System.Threading.Channels.Channel.CreateBounded<PostgresSourceRecord>(1);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(channel.Writer, stop.Token);
        var first = await channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("first", ((Struct)((Struct)first.Record!.Value!).Get("source")!).Get("snapshot"));
        Assert.Equal(1L, await SlotCountAsync(db, config["slot.name"]));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0L, await SlotCountAsync(db, config["slot.name"]));
    }

    private static Task<long> SlotCountAsync(TestDatabase db, string slot) => SlotQueries.CountAsync(db, slot);

    [Fact]
    public async Task Initial_only_snapshots_through_a_temporary_slot_and_stops()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1), (2)");
        var config = Config(db, ("snapshot.mode", "initial_only"));
        var source = new PostgresChangeSource(PostgresConnectorConfig.Parse(config));
        var channel = System.Threading.Channels.Channel.CreateUnbounded<PostgresSourceRecord>();
        source.MarkDrained();

        await source.RunAsync(channel.Writer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var records = new List<PostgresSourceRecord>();
        await foreach (var item in channel.Reader.ReadAllAsync())
        {
            records.Add(item);
        }

        Assert.Equal(2, records.Count(r => r.Record is not null));
        Assert.True(records[^1].IsMarker);
        await using var connection = await db.OpenAsync();
        await using var slots = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1", connection);
        slots.Parameters.AddWithValue(config["slot.name"]);
        Assert.Equal(0L, await slots.ExecuteScalarAsync());
    }
}
