using Npgsql;
using Serverless.Connect.Sources.Postgres.Internal;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>Catalog questions a host asks about a connector's tables on a regular (non-replication) connection.</summary>
public static class PostgresCatalog
{
    /// <summary>
    /// Estimates each captured table's row count from <c>pg_class.reltuples</c> (what ANALYZE/VACUUM last saw; cheap,
    /// no scan). Tables never analysed have no estimate and are left out.
    /// </summary>
    /// <param name="config">The connector whose table filters select the tables.</param>
    /// <param name="connection">An open connection to the connector's database.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>Estimated rows keyed by <c>schema.table</c>.</returns>
    public static async Task<IReadOnlyDictionary<string, long>> EstimateCapturedRowsAsync(
        PostgresConnectorConfig config, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(connection);
        var tables = await CatalogReader.ReadCapturedTablesAsync(connection, config.Filters, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return result;
        }

        await using var command = new NpgsqlCommand("SELECT oid, reltuples::bigint FROM pg_class WHERE oid = ANY($1) AND reltuples >= 0", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tables.Select(t => t.Oid).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Oid });
        var byOid = tables.ToDictionary(t => t.Oid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = byOid[reader.GetFieldValue<uint>(0)];
            result[table.Schema + "." + table.Name] = reader.GetInt64(1);
        }

        return result;
    }
}
