using System.Data;
using System.Threading.Channels;
using Npgsql;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>
/// Reads every captured table inside the slot's exported snapshot, through a cursor so memory stays bounded, and emits
/// <c>op=r</c> events positioned at the slot's consistent point.
/// </summary>
internal sealed class SnapshotReader
{
    private readonly PostgresConnectorConfig _config;
    private readonly TypeRegistry _types;
    private readonly TableSchemaFactory _factory;
    private readonly ChangeEventBuilder _events;
    private readonly TimeProvider _time;

    public SnapshotReader(PostgresConnectorConfig config, TypeRegistry types, TableSchemaFactory factory, ChangeEventBuilder events, TimeProvider time)
    {
        _config = config;
        _types = types;
        _factory = factory;
        _events = events;
        _time = time;
    }

    public async Task<long> RunAsync(
        string snapshotName, ulong consistentPoint, IReadOnlyList<CapturedTable> tables, ChannelWriter<PostgresSourceRecord> output, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_config.ConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SET TRANSACTION SNAPSHOT '{snapshotName.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken).ConfigureAwait(false);
        await using var xidCommand = new NpgsqlCommand("SELECT txid_current()", connection);
        var xid = (long)(await xidCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await _types.ReloadAsync(connection, cancellationToken).ConfigureAwait(false);

        long rows = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            rows += await ReadTableAsync(connection, tables[t], t == 0, t == tables.Count - 1, xid, consistentPoint, output, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(new PostgresSourceRecord(null, consistentPoint) { EndsSnapshot = true, SnapshotTransactionId = xid }, cancellationToken)
            .ConfigureAwait(false);
        return rows;
    }

    private async Task<long> ReadTableAsync(
        NpgsqlConnection connection, CapturedTable table, bool firstTable, bool lastTable, long xid, ulong lsn,
        ChannelWriter<PostgresSourceRecord> output, CancellationToken cancellationToken)
    {
        var columns = await CatalogReader.ReadColumnsAsync(connection, table.Oid, cancellationToken).ConfigureAwait(false);
        var schema = _factory.Create(table.Schema, table.Name, columns);
        var select = string.Join(", ", columns.Select(c => CapturedTable.Quote(c.Name) + "::text"));
        await ExecuteAsync(connection, $"DECLARE snapshot_cursor NO SCROLL CURSOR FOR SELECT {select} FROM {table.QuotedName}", cancellationToken)
            .ConfigureAwait(false);
        var readTime = _time.GetUtcNow().UtcDateTime;
        RawValue[]? pending = null;
        long count = 0;
        var fetch = $"FETCH FORWARD {_config.SnapshotFetchSize} FROM snapshot_cursor";
        while (true)
        {
            var fetched = 0;
            await using (var command = new NpgsqlCommand(fetch, connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new RawValue[columns.Count];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? RawValue.Null : new RawValue(RawValueKind.Text, reader.GetString(i));
                    }

                    fetched++;
                    if (pending is not null)
                    {
                        await EmitAsync(schema, pending, Marker(firstTable, lastTable, count == 0, false), xid, lsn, readTime, output, cancellationToken)
                            .ConfigureAwait(false);
                        count++;
                    }

                    pending = row;
                }
            }

            if (fetched == 0)
            {
                break;
            }
        }

        if (pending is not null)
        {
            await EmitAsync(schema, pending, Marker(firstTable, lastTable, count == 0, true), xid, lsn, readTime, output, cancellationToken).ConfigureAwait(false);
            count++;
        }

        await ExecuteAsync(connection, "CLOSE snapshot_cursor", cancellationToken).ConfigureAwait(false);
        return count;
    }

    private async Task EmitAsync(
        TableSchema schema, RawValue[] row, string marker, long xid, ulong lsn, DateTime readTime, ChannelWriter<PostgresSourceRecord> output, CancellationToken cancellationToken)
    {
        var position = new SourcePosition(readTime, marker, xid, lsn, null, null);
        var record = _events.Change(schema, "r", schema.BuildKey(row), null, schema.BuildValue(row), position);
        await output.WriteAsync(new PostgresSourceRecord(record, lsn), cancellationToken).ConfigureAwait(false);
    }

    // Debezium's order of precedence: the last row of the last table is "last", the first row of the first table "first".
    private static string Marker(bool firstTable, bool lastTable, bool firstRow, bool lastRow) =>
        (lastTable && lastRow) ? "last"
        : (firstTable && firstRow) ? "first"
        : firstRow ? "first_in_data_collection"
        : lastRow ? "last_in_data_collection"
        : "true";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
