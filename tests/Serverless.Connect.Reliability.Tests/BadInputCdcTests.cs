using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Errors;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Sources.Postgres.Tests;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// Bad input on the CDC side (real PostgreSQL, embedded Kafka): a change event above the producer's
/// <c>message.max.bytes</c>, and a replication slot dropped while the reader was stopped. A missing publication and a
/// slot in use are covered by <c>Sources.Postgres.Tests/SetupErrorTests</c>; <c>wal_level=replica</c> by
/// <c>PostgresServerFaultTests</c>.
/// </summary>
public sealed class BadInputCdcTests(ITestOutputHelper output)
{
    private const string Topic = "srv.public.items";

    [Fact]
    public async Task BadInput_EventAboveMessageMaxBytes_FailsNamingTopicLsnAndSize_WithoutConfirmingIt_AndARestartWithABiggerLimitLosesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, body text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 1);
        var config = Config(db, kafka, ("producer.override.message.max.bytes", "20000"));
        var slot = config["slot.name"];
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);

        var first = new CdcConnector(config);
        var run = Task.Run(() => first.RunAsync(CancellationToken.None));
        await SourceHarness.WaitForSlotAsync(db, slot, run);
        await db.ExecuteAsync("INSERT INTO items SELECT g, 'row ' || g FROM generate_series(1, 10) g");
        await ids.WaitForAsync(10, TimeSpan.FromSeconds(60));
        var beforeHuge = await CurrentWalLsnAsync(db);
        await db.ExecuteAsync("INSERT INTO items VALUES (11, repeat('x', 50000))");
        await db.ExecuteAsync("INSERT INTO items SELECT g, 'row ' || g FROM generate_series(12, 20) g");

        var error = await Assert.ThrowsAsync<ConnectException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));

        output.WriteLine(error.Message);
        Assert.Contains(Topic, error.Message, StringComparison.Ordinal);
        Assert.Contains("message.max.bytes 20000", error.Message, StringComparison.Ordinal);
        Assert.Contains("lsn=", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"is \d{5,} bytes", error.Message);
        Assert.Contains("11", error.Message, StringComparison.Ordinal);
        Assert.Equal(CdcConnectorState.Failed, first.Status.State);
        var confirmed = await SlotQueries.ConfirmedFlushAsync(db, slot);
        Assert.True(confirmed <= beforeHuge, $"the slot confirmed {confirmed:X}, past the oversized event (WAL was at {beforeHuge:X} before it)");
        Assert.False(ids.Has(11));

        // The fix: a limit that fits the row. The restart re-reads from the slot and delivers it and everything after it.
        var second = new CdcConnector(With(config, "producer.override.message.max.bytes", "1000000"));
        using var stop = new CancellationTokenSource();
        var rerun = Task.Run(() => second.RunAsync(stop.Token));
        await ids.WaitForAsync(20, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await rerun.WaitAsync(TimeSpan.FromSeconds(60));

        var lost = Enumerable.Range(1, 20).Count(i => !ids.Has(i));
        new FaultReport("bad-input", "CDC event above producer message.max.bytes", 20, lost, ids.Duplicates, 0,
            $"FAILED, confirmed_flush_lsn {confirmed:X} <= {beforeHuge:X}; delivered after raising the limit").Write(output);
        Assert.Equal(0, lost);
    }

    [Fact]
    public async Task BadInput_SlotDroppedWhileStopped_NoDataFailsNamingTheSlot_AndWhenNeededSnapshotsTheGapAgain()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, body text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 1);
        var config = Config(db, kafka);
        var slot = config["slot.name"];
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);

        var first = new CdcConnector(config);
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => first.RunAsync(stop.Token));
            await SourceHarness.WaitForSlotAsync(db, slot, run);
            await db.ExecuteAsync("INSERT INTO items SELECT g, 'row ' || g FROM generate_series(1, 5) g");
            await ids.WaitForAsync(5, TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        // Stopped with its position stored; the slot goes (an operator, a failover) and changes happen meanwhile.
        await Eventually.HoldsAsync(async () => !await SlotQueries.IsActiveAsync(db, slot), "the stopped connector's walsender released the slot");
        await db.ExecuteAsync($"SELECT pg_drop_replication_slot('{slot}')");
        await db.ExecuteAsync("INSERT INTO items SELECT g, 'row ' || g FROM generate_series(6, 10) g");

        var noData = new CdcConnector(config);
        var error = await Assert.ThrowsAsync<ConnectException>(() => noData.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        output.WriteLine(error.Message);
        Assert.Contains($"Replication slot '{slot}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("lsn=", error.Message, StringComparison.Ordinal);
        Assert.Contains("snapshot.mode=when_needed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await SlotQueries.CountAsync(db, slot));

        var whenNeeded = new CdcConnector(With(config, "snapshot.mode", "when_needed"));
        using (var stop = new CancellationTokenSource())
        {
            var run = Task.Run(() => whenNeeded.RunAsync(stop.Token));
            await ids.WaitForAsync(10, TimeSpan.FromSeconds(90));
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var lost = Enumerable.Range(1, 10).Count(i => !ids.Has(i));
        new FaultReport("bad-input", "replication slot dropped while stopped", 10, lost, ids.Duplicates, 0,
            "no_data: FAILED naming the slot and the stored LSN; when_needed: snapshot again").Write(output);
        Assert.Equal(0, lost);
    }

    private static Dictionary<string, string> Config(TestDatabase db, MockKafkaCluster kafka, params (string Key, string Value)[] extra) =>
        SourceHarness.Config(
            db,
            [
                ("bootstrap.servers", kafka.BootstrapServers),
                ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
                ("value.converter.schemas.enable", "false"),
                .. extra,
            ]);

    private static Dictionary<string, string> With(Dictionary<string, string> config, string key, string value) =>
        new(config) { [key] = value };

    private static async Task<ulong> CurrentWalLsnAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint", connection);
        return (ulong)(long)(await command.ExecuteScalarAsync())!;
    }
}
