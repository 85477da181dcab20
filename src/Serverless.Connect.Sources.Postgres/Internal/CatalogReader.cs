using Npgsql;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Catalog queries for table columns (type, nullability, primary key) and the tables the filters select.</summary>
internal static class CatalogReader
{
    private const string ColumnsSql = """
        SELECT a.attname, a.atttypid, a.atttypmod, NOT a.attnotnull, array_position(i.indkey::int2[], a.attnum),
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END
        FROM pg_attribute a
        LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    private const string TablesSql = """
        SELECT c.oid, n.nspname, c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY n.nspname, c.relname
        """;

    public static async Task<List<ColumnInfo>> ReadColumnsAsync(NpgsqlConnection connection, uint relationOid, CancellationToken cancellationToken)
    {
        var columns = new List<ColumnInfo>();
        await using var command = new NpgsqlCommand(ColumnsSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = relationOid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(new ColumnInfo(
                reader.GetString(0),
                reader.GetFieldValue<uint>(1),
                reader.GetInt32(2),
                reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return columns;
    }

    public static async Task<List<CapturedTable>> ReadCapturedTablesAsync(
        NpgsqlConnection connection, TableFilters filters, CancellationToken cancellationToken)
    {
        var tables = new List<CapturedTable>();
        await using var command = new NpgsqlCommand(TablesSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = new CapturedTable(reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2));
            if (filters.IncludesTable(table.Schema, table.Name))
            {
                tables.Add(table);
            }
        }

        return tables;
    }
}
