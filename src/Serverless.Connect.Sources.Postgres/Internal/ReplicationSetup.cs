using Npgsql;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Checks the server before streaming and prepares the publication, failing with errors that name the fix.</summary>
internal sealed class ReplicationSetup
{
    private readonly PostgresConnectorConfig _config;

    public ReplicationSetup(PostgresConnectorConfig config)
    {
        _config = config;
    }

    /// <summary>Runs every check; returns the captured tables and whether the slot exists already.</summary>
    public async Task<(List<CapturedTable> Tables, bool SlotExists)> PrepareAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var walLevel = (string?)await Scalar(connection, "SHOW wal_level", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(walLevel, "logical", StringComparison.Ordinal))
        {
            throw new ConnectException(
                $"Postgres server wal_level property must be 'logical' but is: '{walLevel}'. " +
                "Set wal_level = logical (ALTER SYSTEM SET wal_level = logical) and restart PostgreSQL.");
        }

        var canReplicate = (bool)(await Scalar(connection, """
            SELECT r.rolreplication OR r.rolsuper OR EXISTS (
                SELECT 1 FROM pg_roles g WHERE g.rolname = 'rds_replication' AND pg_has_role(r.oid, g.oid, 'member'))
            FROM pg_roles r WHERE r.rolname = current_user
            """, cancellationToken).ConfigureAwait(false))!;
        var user = (string)(await Scalar(connection, "SELECT current_user::text", cancellationToken).ConfigureAwait(false))!;
        if (!canReplicate)
        {
            throw new ConnectException(
                $"User '{user}' does not have the REPLICATION privilege needed to stream changes from database '{_config.DatabaseName}'. " +
                $"Grant it with: ALTER ROLE \"{user}\" REPLICATION;");
        }

        var tables = await CatalogReader.ReadCapturedTablesAsync(connection, _config.Filters, cancellationToken).ConfigureAwait(false);
        await EnsureSelectAsync(connection, user, tables, cancellationToken).ConfigureAwait(false);
        await EnsurePublicationAsync(connection, tables, cancellationToken).ConfigureAwait(false);
        var slotExists = await CheckSlotAsync(connection, cancellationToken).ConfigureAwait(false);
        return (tables, slotExists);
    }

    private async Task EnsureSelectAsync(NpgsqlConnection connection, string user, List<CapturedTable> tables, CancellationToken cancellationToken)
    {
        var denied = new List<string>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand("SELECT has_table_privilege($1, 'SELECT')", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = table.Oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                denied.Add(table.Schema + "." + table.Name);
            }
        }

        if (denied.Count > 0)
        {
            throw new ConnectException(
                $"User '{user}' lacks the SELECT privilege on captured table(s) {string.Join(", ", denied)}. " +
                $"Grant it (GRANT SELECT ON ... TO \"{user}\") or exclude the tables with table.exclude.list.");
        }
    }

    private async Task EnsurePublicationAsync(NpgsqlConnection connection, List<CapturedTable> tables, CancellationToken cancellationToken)
    {
        var name = _config.PublicationName;
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_publication WHERE pubname = $1", connection);
        exists.Parameters.AddWithValue(name);
        var found = (long)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
        var quoted = CapturedTable.Quote(name);
        switch (_config.PublicationAutocreateMode)
        {
            case PublicationAutocreateMode.Disabled when !found:
                throw new ConnectException(
                    $"Publication '{name}' does not exist in database '{_config.DatabaseName}' and publication.autocreate.mode is 'disabled'. " +
                    $"Create it (CREATE PUBLICATION {quoted} FOR TABLE ...) or set publication.autocreate.mode to all_tables or filtered.");
            case PublicationAutocreateMode.AllTables when !found:
                await Execute(connection, $"CREATE PUBLICATION {quoted} FOR ALL TABLES", name, cancellationToken).ConfigureAwait(false);
                break;
            case PublicationAutocreateMode.Filtered:
                if (tables.Count == 0)
                {
                    throw new ConnectException(
                        $"publication.autocreate.mode is 'filtered' but the table filters select no table for publication '{name}'.");
                }

                var list = string.Join(", ", tables.Select(t => t.QuotedName));
                var sql = found ? $"ALTER PUBLICATION {quoted} SET TABLE {list}" : $"CREATE PUBLICATION {quoted} FOR TABLE {list}";
                await Execute(connection, sql, name, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<bool> CheckSlotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT plugin, database, active, active_pid FROM pg_replication_slots WHERE slot_name = $1", connection);
        command.Parameters.AddWithValue(_config.SlotName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var plugin = reader.IsDBNull(0) ? null : reader.GetString(0);
        var database = reader.IsDBNull(1) ? null : reader.GetString(1);
        if (!string.Equals(database, _config.DatabaseName, StringComparison.Ordinal) || !string.Equals(plugin, "pgoutput", StringComparison.Ordinal))
        {
            throw new ConnectException(
                $"Replication slot '{_config.SlotName}' exists for database '{database}' with plugin '{plugin}', " +
                $"but this connector needs a pgoutput slot in database '{_config.DatabaseName}'. Choose another slot.name.");
        }

        if (reader.GetBoolean(2))
        {
            var pid = reader.IsDBNull(3) ? "?" : reader.GetInt32(3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new SlotInUseException(
                _config.SlotName,
                $"Replication slot '{_config.SlotName}' is already active (used by walsender process {pid}); " +
                "another connector or client is streaming from it. Stop that client or choose another slot.name.");
        }

        return true;
    }

    private async Task Execute(NpgsqlConnection connection, string sql, string publication, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ConnectException(
                $"Cannot create or alter publication '{publication}' ({e.MessageText}). Create it as a superuser or table owner, " +
                "or set publication.autocreate.mode=disabled with a pre-created publication.", e);
        }
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
