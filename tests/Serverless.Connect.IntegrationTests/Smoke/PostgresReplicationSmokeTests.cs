using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using Npgsql.Replication.PgOutput.Messages;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.IntegrationTests.Smoke;

public sealed class PostgresReplicationSmokeTests
{
    [Fact]
    public async Task PgOutput_stream_delivers_an_insert()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var db = await TestDatabase.CreateAsync(cancellationToken: ct);
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL); CREATE PUBLICATION smoke_pub FOR TABLE items;", ct);

        await using var replication = new LogicalReplicationConnection(db.ConnectionString);
        await replication.Open(ct);
        var slot = await replication.CreatePgOutputReplicationSlot("smoke_slot", slotSnapshotInitMode: LogicalSlotSnapshotInitMode.NoExport, cancellationToken: ct);

        await db.ExecuteAsync("INSERT INTO items VALUES (42, 'answer')", ct);

        var options = new PgOutputReplicationOptions("smoke_pub", PgOutputProtocolVersion.V1);
        string? name = null;
        int? id = null;
        await foreach (var message in replication.StartReplication(slot, options, ct))
        {
            if (message is InsertMessage insert)
            {
                Assert.Equal("items", insert.Relation.RelationName);
                var column = 0;
                await foreach (var value in insert.NewRow)
                {
                    var text = await value.Get<string>(ct);
                    if (column++ == 0)
                    {
                        id = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        name = text;
                    }
                }
            }

            replication.SetReplicationStatus(message.WalEnd);
            if (message is CommitMessage && name is not null)
            {
                break;
            }
        }

        Assert.Equal(42, id);
        Assert.Equal("answer", name);
    }
}
