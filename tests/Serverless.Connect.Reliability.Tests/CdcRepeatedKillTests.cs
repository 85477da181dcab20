using Npgsql;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Sources.Postgres.Tests;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary><c>./connect cdc</c> SIGKILLed three times at random moments of an insert load, restarted each time.</summary>
public sealed class CdcRepeatedKillTests(ITestOutputHelper output)
{
    private const string Topic = "srv.public.items";

    [Fact]
    public async Task ThreeSigkillsDuringALoad_EveryRowArrives_DuplicatesCounted()
    {
        const int Rows = 8000;
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 4);
        using var ids = new IdCollector(kafka.BootstrapServers, Topic);
        var config = SourceHarness.Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
            ("value.converter.schemas.enable", "false"));
        var directory = Directory.CreateTempSubdirectory("rel-cdc-").FullName;
        var file = Path.Combine(directory, "source.properties");
        await File.WriteAllLinesAsync(file, config.Select(p => $"{p.Key}={p.Value}"));
        var random = new Random(8);
        var env = new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = kafka.BootstrapServers };

        var process = ConnectProcess.Start(["cdc", "--config", file], env);
        await WaitForActiveSlotAsync(db, config["slot.name"], process);
        var load = LoadAsync(db, Rows);
        var kills = new List<int>();
        for (var kill = 0; kill < 3; kill++)
        {
            // A random moment: once a random number of further ids has arrived, or a random pause.
            var target = Math.Min(Rows - 1, ids.Distinct + random.Next(300, 1500));
            var deadline = DateTime.UtcNow.AddSeconds(random.Next(2, 6));
            while (ids.Distinct < target && DateTime.UtcNow < deadline)
            {
                Assert.False(process.HasExited, "./connect cdc exited early: " + process.StandardError);
                await Task.Delay(20);
            }

            process.KillHard();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            kills.Add(ids.Distinct);
            await process.DisposeAsync();
            process = ConnectProcess.Start(["cdc", "--config", file], env);
            await WaitForActiveSlotAsync(db, config["slot.name"], process);
        }

        await using (process)
        {
            await load;
            await ids.WaitForAsync(Rows, TimeSpan.FromMinutes(3));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var lost = Enumerable.Range(1, Rows).Count(i => !ids.Has(i));
        new FaultReport("cdc", "./connect cdc SIGKILLed 3 times during a load", Rows, lost, ids.Duplicates, 0,
            $"distinct ids in Kafka at each kill: {string.Join(", ", kills)}").Write(output);
        Assert.Equal(0, lost);
        Directory.Delete(directory, recursive: true);
    }

    private static async Task LoadAsync(TestDatabase db, int rows)
    {
        await using var connection = await db.OpenAsync();
        for (var start = 1; start <= rows; start += 20)
        {
            await using var command = new NpgsqlCommand("INSERT INTO items SELECT i, 'row ' || i FROM generate_series($1::int, $2::int) i", connection);
            command.Parameters.AddWithValue(start);
            command.Parameters.AddWithValue(start + 19);
            await command.ExecuteNonQueryAsync();
            await Task.Delay(20);
        }
    }

    // ./connect may build itself first (minutes on a busy machine), hence the generous deadline.
    private static async Task WaitForActiveSlotAsync(TestDatabase db, string slot, ConnectProcess process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (!await SlotQueries.IsActiveAsync(db, slot))
        {
            Assert.False(process.HasExited, "./connect cdc exited early: " + process.StandardError);
            Assert.True(DateTime.UtcNow < deadline, "slot not active within 10 minutes: " + process.StandardError);
            await Task.Delay(100);
        }
    }
}
