using System.Runtime.CompilerServices;
using Npgsql;

namespace Serverless.Connect.TestUtilities;

/// <summary>A PostgreSQL database of its own for one test; dropped, with its replication slots, on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync([CallerMemberName] string caller = "", CancellationToken cancellationToken = default)
    {
        var services = LocalServices.Current;
        var name = TestNames.Unique("t", caller);
        await using (var admin = new NpgsqlConnection(services.PostgresConnectionString("postgres")))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new TestDatabase(name, services.PostgresConnectionString(name));
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(LocalServices.Current.PostgresConnectionString("postgres"));
        await admin.OpenAsync();
        // Walsenders hold slots active; terminate them first, then drop the slots, then the database.
        await using (var terminate = new NpgsqlCommand(
            "SELECT pg_terminate_backend(active_pid, 60000) FROM pg_replication_slots WHERE database = $1 AND active_pid IS NOT NULL", admin))
        {
            terminate.Parameters.AddWithValue(Name);
            await terminate.ExecuteNonQueryAsync();
        }

        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var drop = new NpgsqlCommand(
                "SELECT count(pg_drop_replication_slot(slot_name)) FROM pg_replication_slots WHERE database = $1 AND NOT active", admin);
            drop.Parameters.AddWithValue(Name);
            await drop.ExecuteScalarAsync();
            await using var left = new NpgsqlCommand("SELECT count(*) FROM pg_replication_slots WHERE database = $1", admin);
            left.Parameters.AddWithValue(Name);
            if ((long)(await left.ExecuteScalarAsync() ?? 0L) == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        await using var dropDb = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await dropDb.ExecuteNonQueryAsync();
    }
}
