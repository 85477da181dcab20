using Npgsql;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>What the tests ask pg_replication_slots about one slot.</summary>
internal static class SlotQueries
{
    public static async Task<long> CountAsync(TestDatabase db, string slot) =>
        (long)(await ScalarAsync(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1", slot))!;

    public static async Task<bool> IsActiveAsync(TestDatabase db, string slot) =>
        (long)(await ScalarAsync(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1 AND active", slot))! > 0;

    public static async Task<ulong> ConfirmedFlushAsync(TestDatabase db, string slot) =>
        (ulong)(long)(await ScalarAsync(db, "SELECT (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots WHERE slot_name = $1", slot))!;

    public static async Task<int> ActivePidAsync(TestDatabase db, string slot) =>
        (int)(await ScalarAsync(db, "SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1 AND active", slot))!;

    private static async Task<object?> ScalarAsync(TestDatabase db, string sql, string slot)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(slot);
        return await command.ExecuteScalarAsync();
    }
}
