using Npgsql;

using Serverless.Connect.DevServices;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// The run's own database with the seed's <c>orders</c>, <c>customers</c> and <c>outbox</c> tables and the
/// publications of the seed's "PostgreSQL Setup"; dropped (with any slot left behind) at the end.
/// </summary>
internal sealed class DemoDatabase
{
    // The seed gives the outbox DDL verbatim; orders and customers carry the columns its examples use
    // (orders: id, customer_id, total) plus a revision so a change can be matched to its commit.
    private const string Schema = """
        CREATE TABLE customers (
            id SERIAL PRIMARY KEY,
            name VARCHAR(255) NOT NULL,
            email VARCHAR(255) NOT NULL,
            rev INT NOT NULL DEFAULT 0,
            updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
        );
        CREATE TABLE orders (
            id SERIAL PRIMARY KEY,
            customer_id INT NOT NULL REFERENCES customers (id),
            total NUMERIC(10, 2) NOT NULL,
            status VARCHAR(32) NOT NULL DEFAULT 'created',
            rev INT NOT NULL DEFAULT 0,
            updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
        );
        CREATE TABLE outbox (
            id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
            aggregate_type VARCHAR(255) NOT NULL,
            aggregate_id VARCHAR(255) NOT NULL,
            event_type VARCHAR(255) NOT NULL,
            payload JSONB NOT NULL,
            created_at TIMESTAMP DEFAULT NOW()
        );
        """;

    private readonly ServicesEnvironment _services;
    private readonly DemoNames _names;

    public DemoDatabase(ServicesEnvironment services, DemoNames names)
    {
        _services = services;
        _names = names;
    }

    public string ConnectionString => _services.PostgresConnectionString(_names.Database);

    public bool Created { get; private set; }

    public async Task CreateAsync(int initialCustomers, int initialOrders, CancellationToken cancellationToken)
    {
        await using (var admin = new NpgsqlConnection(_services.PostgresConnectionString("postgres")))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_names.Database}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
            Created = true;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var setup = Schema + $"""

            CREATE PUBLICATION "{_names.SourcePublication}" FOR TABLE orders, customers;
            CREATE PUBLICATION "{_names.OutboxPublication}" FOR TABLE outbox;
            INSERT INTO customers (name, email)
                SELECT 'customer ' || n, 'customer' || n || '@example.com' FROM generate_series(1, {initialCustomers}) AS n;
            INSERT INTO orders (customer_id, total)
                SELECT 1 + (n % {initialCustomers}), round((10 + random() * 490)::numeric, 2) FROM generate_series(1, {initialOrders}) AS n;
            """;
        await using var command = new NpgsqlCommand(setup, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>WAL bytes between the server's current position and the slot's confirmed position, by slot; -1 when absent.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SlotLagAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT slot_name, COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), -1)::bigint FROM pg_replication_slots WHERE slot_name = ANY($1)",
            connection);
        command.Parameters.AddWithValue(new[] { _names.SourceSlot, _names.OutboxSlot });
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>
    /// Drops what a killed run left: its inactive slots (which hold WAL) and its database when nothing is connected,
    /// for runs whose id says they started before <paramref name="before"/> (a live run's slots are active).
    /// </summary>
    public async Task<IReadOnlyList<string>> DropStaleAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var dropped = new List<string>();
        await using var admin = new NpgsqlConnection(_services.PostgresConnectionString("postgres"));
        await admin.OpenAsync(cancellationToken);
        var candidates = new List<(string Name, bool Slot)>();
        await using (var find = new NpgsqlCommand(
            """
            SELECT slot_name, true FROM pg_replication_slots WHERE slot_name ~ '^demo_[0-9]{8}_[0-9]{6}_[0-9a-f]{4}_' AND NOT active
            UNION ALL
            SELECT datname, false FROM pg_database d WHERE datname ~ '^demo_[0-9]{8}_[0-9]{6}_[0-9a-f]{4}$'
                AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)
                AND NOT EXISTS (SELECT 1 FROM pg_replication_slots s WHERE s.database = d.datname AND s.active)
            """, admin))
        {
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }

        foreach (var (name, slot) in candidates.OrderBy(c => c.Slot ? 0 : 1))
        {
            if (!DateTimeOffset.TryParseExact(name.AsSpan(5, 15), "yyyyMMdd_HHmmss", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var started) || started >= before)
            {
                continue;
            }

            var sql = slot
                ? "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active"
                : $"DROP DATABASE IF EXISTS \"{name}\"";
            await using var drop = new NpgsqlCommand(sql, admin);
            if (slot)
            {
                drop.Parameters.AddWithValue(name);
            }

            try
            {
                await drop.ExecuteNonQueryAsync(cancellationToken);
                dropped.Add(slot ? "slot " + name : "database " + name);
            }
            catch (PostgresException)
            {
                // Someone connected or took the slot meanwhile: leave it.
            }
        }

        return dropped;
    }

    /// <summary>Drops slots the connectors left (slot.drop.on.stop normally did it) and the database.</summary>
    public async Task<IReadOnlyList<string>> DropAsync()
    {
        var leftSlots = new List<string>();
        if (!Created)
        {
            return leftSlots;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var admin = new NpgsqlConnection(_services.PostgresConnectionString("postgres"));
        await admin.OpenAsync(timeout.Token);
        await using (var slots = new NpgsqlCommand(
            "SELECT slot_name, pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ANY($1) AND NOT active", admin))
        {
            slots.Parameters.AddWithValue(new[] { _names.SourceSlot, _names.OutboxSlot });
            await using var reader = await slots.ExecuteReaderAsync(timeout.Token);
            while (await reader.ReadAsync(timeout.Token))
            {
                leftSlots.Add(reader.GetString(0));
            }
        }

        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_names.Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(timeout.Token);
        return leftSlots;
    }
}
