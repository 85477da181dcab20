using Npgsql;
using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class SlotAndKeyOptionTests
{
    [Fact]
    public async Task Message_key_columns_override_the_primary_key()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE orders (id int PRIMARY KEY, tenant text NOT NULL, number int NOT NULL)");
        await using var source = await StartAsync(db, Config(db, ("message.key.columns", "public.orders:number,tenant")));
        await db.ExecuteAsync("INSERT INTO orders VALUES (1, 'acme', 7)");

        var record = await source.NextAsync();

        Assert.Equal(["number", "tenant"], record.KeySchema!.Fields.Select(f => f.Name));
        Assert.Equal(7, ((Struct)record.Key!).Get("number"));
        Assert.Equal("acme", ((Struct)record.Key!).Get("tenant"));
    }

    [Fact]
    public async Task Slot_drop_on_stop_removes_the_slot_after_a_graceful_stop()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY)");
        var config = Config(db, ("slot.drop.on.stop", "true"));
        var source = await StartAsync(db, config);

        await source.DisposeAsync();
        await source.Run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0L, await SlotCountAsync(db, config["slot.name"]));
    }

    [Fact]
    public async Task Always_snapshots_again_on_every_start()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1)");
        var config = Config(db, ("snapshot.mode", "always"));
        await using (var first = await StartAsync(db, config))
        {
            Assert.Equal("r", Op(await first.NextAsync()));
        }

        await db.ExecuteAsync("INSERT INTO a VALUES (2)");
        await using var second = await StartAsync(db, config);
        var records = await second.NextAsync(2);

        Assert.All(records, r => Assert.Equal("r", Op(r)));
        Assert.Equal([1, 2], records.Select(r => (int)After(r).Get("id")!));
    }

    private static Task<long> SlotCountAsync(TestDatabase db, string slot) => SlotQueries.CountAsync(db, slot);
}
