using System.Globalization;
using Npgsql;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// A fresh database with one table of small rows, a publication for it and two pgoutput slots created before any row is
/// written (one for the reader, one for pg_recvlogical), so both decode exactly the same WAL.
/// </summary>
internal sealed class CdcWorkload : IAsyncDisposable
{
    public const string Publication = "bench_pub";
    public const string Table = "rows";

    private CdcWorkload(TestDatabase database)
    {
        Database = database;
        // Slot names are cluster-wide: suffixed with the (unique) database name so concurrent runs do not collide.
        ReaderSlot = "bench_reader_" + database.Name[^8..];
        DecoderSlot = "bench_recvlogical_" + database.Name[^8..];
    }

    public TestDatabase Database { get; }

    public string ReaderSlot { get; }

    public string DecoderSlot { get; }

    public long Rows { get; private set; }

    /// <summary>Gets the WAL position after the last inserted row's commit.</summary>
    public string EndLsn { get; private set; } = "0/0";

    public TimeSpan InsertDuration { get; private set; }

    /// <summary>Creates the database, table and publication, and (unless <paramref name="slots"/> is false) both slots.</summary>
    public static async Task<CdcWorkload> CreateAsync(CancellationToken cancellationToken, bool slots = true)
    {
        var database = await TestDatabase.CreateAsync("bench_cdc", cancellationToken);
        var workload = new CdcWorkload(database);
        try
        {
            await database.ExecuteAsync(
                $"""
                CREATE TABLE {Table} (id bigserial PRIMARY KEY, a int NOT NULL, b text NOT NULL, c timestamptz NOT NULL);
                CREATE TABLE bench_tail (id int);
                CREATE PUBLICATION {Publication} FOR TABLE {Table};
                """,
                cancellationToken);

            // Each slot in a statement of its own: a slot cannot be created in a transaction that has written.
            if (slots)
            {
                await database.ExecuteAsync($"SELECT pg_create_logical_replication_slot('{workload.ReaderSlot}', 'pgoutput')", cancellationToken);
                await database.ExecuteAsync($"SELECT pg_create_logical_replication_slot('{workload.DecoderSlot}', 'pgoutput')", cancellationToken);
            }
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return workload;
    }

    /// <summary>Inserts <paramref name="rows"/> rows (b is 20 characters) committing every <paramref name="transactionSize"/> rows.</summary>
    public async Task InsertAsync(long rows, int transactionSize, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        await using var connection = await Database.OpenAsync(cancellationToken);
        var transactions = (rows + transactionSize - 1) / transactionSize;
        // One server-side loop with a COMMIT per transaction: the client round trip does not slow the load down.
        await using (var insert = new NpgsqlCommand(
            string.Create(CultureInfo.InvariantCulture, $"""
            DO $$
            BEGIN
              FOR i IN 0..{transactions - 1} LOOP
                INSERT INTO {Table} (a, b, c)
                  SELECT g, substr(md5(g::text), 1, 20), now()
                  FROM generate_series(i::bigint * {transactionSize} + 1, least((i::bigint + 1) * {transactionSize}, {rows})) g;
                COMMIT;
              END LOOP;
            END $$;
            """),
            connection) { CommandTimeout = 0 })
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        Rows += rows;
        InsertDuration = DateTime.UtcNow - started;
        await using (var lsn = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", connection))
        {
            EndLsn = (string)(await lsn.ExecuteScalarAsync(cancellationToken))!;
        }

        // WAL past the end position (a table outside the publication), so pg_recvlogical --endpos has something to stop at.
        await using var tail = new NpgsqlCommand("INSERT INTO bench_tail VALUES (1)", connection);
        await tail.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ulong> ConfirmedFlushLsnAsync(string slot, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = $1", connection);
        command.Parameters.AddWithValue(slot);
        return ParseLsn((string?)await command.ExecuteScalarAsync(cancellationToken) ?? "0/0");
    }

    /// <summary>Waits until a walsender streams from <paramref name="slot"/>; the moment decoding for it starts.</summary>
    /// <remarks>With <paramref name="exists"/>, waits only until the slot exists: a snapshot is read before streaming starts.</remarks>
    public async Task WaitForActiveSlotAsync(string slot, Func<bool> failed, CancellationToken cancellationToken, bool exists = false)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            exists ? "SELECT true FROM pg_replication_slots WHERE slot_name = $1" : "SELECT active FROM pg_replication_slots WHERE slot_name = $1", connection);
        command.Parameters.AddWithValue(slot);
        // No row yet when the reader creates the slot itself (snapshot runs).
        while (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            if (failed())
            {
                return;
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    public static ulong ParseLsn(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return (ulong.Parse(text[..slash], NumberStyles.HexNumber, CultureInfo.InvariantCulture) << 32)
            | ulong.Parse(text[(slash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
