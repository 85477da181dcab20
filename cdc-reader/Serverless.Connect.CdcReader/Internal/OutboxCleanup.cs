using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Sources.Postgres;
using Serverless.Connect.Text;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// Opt-in outbox cleanup (beyond Debezium, which leaves deleting outbox rows to the application): once Kafka has
/// acknowledged the event of a row seen as an insert, the row is deleted by its key, in batches. The deletes flow
/// through the slot like any change and the outbox EventRouter drops them (and their tombstones), as it always does.
/// </summary>
internal sealed class OutboxCleanup
{
    public const string EnabledConfig = "serverless.outbox.cleanup.enabled";
    public const string IntervalConfig = "serverless.outbox.cleanup.interval.ms";
    public const string BatchSizeConfig = "serverless.outbox.cleanup.batch.size";
    public const string TablesConfig = "serverless.outbox.cleanup.table.include.list";

    private readonly PostgresConnectorConfig _source;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly JavaRegexList _tables;
    private readonly int _batchSize;
    private readonly ConcurrentQueue<OutboxRow> _acknowledged = new();
    private readonly Dictionary<(string Schema, string Table), OutboxTable?> _known = [];
    private readonly Dictionary<OutboxTable, string> _deleteSql = [];
    private readonly SemaphoreSlim _deleting = new(1, 1);
    private long _deleted;

    private OutboxCleanup(PostgresConnectorConfig source, ILogger logger, TimeProvider time, JavaRegexList tables, TimeSpan interval, int batchSize)
    {
        _source = source;
        _logger = logger;
        _time = time;
        _tables = tables;
        Interval = interval;
        _batchSize = batchSize;
    }

    public TimeSpan Interval { get; }

    /// <summary>Gets the number of outbox rows deleted so far.</summary>
    public long DeletedCount => Interlocked.Read(ref _deleted);

    /// <summary>Returns the cleanup when <c>serverless.outbox.cleanup.enabled=true</c>, else null; validates its keys.</summary>
    public static OutboxCleanup? Create(IReadOnlyDictionary<string, string> config, PostgresConnectorConfig source, ILogger logger, TimeProvider time)
    {
        var enabled = config.GetValueOrDefault(EnabledConfig)?.Trim();
        if (string.IsNullOrEmpty(enabled) || enabled.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!enabled.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectException($"Invalid value {enabled} for configuration {EnabledConfig}: Expected value to be either true or false");
        }

        var tables = config.GetValueOrDefault(TablesConfig) is { Length: > 0 } list ? list : config.GetValueOrDefault("table.include.list");
        if (string.IsNullOrWhiteSpace(tables))
        {
            throw new ConnectException(
                $"{EnabledConfig}=true needs to know which tables are outboxes: set {TablesConfig} (or table.include.list) to the outbox table(s), e.g. public.outbox");
        }

        return new OutboxCleanup(
            source,
            logger,
            time,
            JavaRegexList.Parse(tables),
            TimeSpan.FromMilliseconds(PositiveInt(config, IntervalConfig, 1000)),
            PositiveInt(config, BatchSizeConfig, 1000));
    }

    /// <summary>The row to delete once <paramref name="record"/> (a source record before transforms) is acknowledged; null when it is not an outbox insert.</summary>
    public OutboxRow? Candidate(ConnectRecord record)
    {
        if (record.Key is not Struct key || ChangeEventFields.Op(record) != "c" || ChangeEventFields.Table(record) is not { } id)
        {
            return null;
        }

        if (!_known.TryGetValue(id, out var table))
        {
            table = _tables.MatchesAny(id.Schema + "." + id.Table) ? Describe(id, key) : null;
            _known[id] = table;
        }

        if (table is null)
        {
            return null;
        }

        var text = new string[table.Columns.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (ToText(key.Get(table.Columns[i])) is not { } value)
            {
                return null;
            }

            text[i] = value;
        }

        return new OutboxRow(table, text);
    }

    /// <summary>Called from the producer's delivery handler once Kafka acknowledged the row's event.</summary>
    public void Acknowledged(OutboxRow row) => _acknowledged.Enqueue(row);

    /// <summary>Deletes acknowledged rows every <see cref="Interval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, _time, cancellationToken).ConfigureAwait(false);
                await DeleteAcknowledgedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every row acknowledged so far, <c>batch.size</c> keys per statement; failed batches are kept for the next pass.</summary>
    public async Task DeleteAcknowledgedAsync(CancellationToken cancellationToken)
    {
        if (_acknowledged.IsEmpty)
        {
            return;
        }

        await _deleting.WaitAsync(cancellationToken).ConfigureAwait(false);
        var batches = new List<OutboxRow[]>();
        var done = 0;
        try
        {
            var rows = new List<OutboxRow>();
            while (_acknowledged.TryDequeue(out var row))
            {
                rows.Add(row);
            }

            batches.AddRange(rows.GroupBy(r => r.Table).SelectMany(g => g.Chunk(_batchSize)));
            await using var connection = new NpgsqlConnection(_source.ConnectionString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            for (; done < batches.Count; done++)
            {
                var table = batches[done][0].Table;
                var count = await DeleteAsync(connection, table, batches[done], cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _deleted, count);
                Log.OutboxRowsDeleted(_logger, _source.Name, count, table.Id);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            Log.OutboxDeleteFailed(_logger, _source.Name, done < batches.Count ? batches[done][0].Table.Id : "?", e);
        }
        finally
        {
            // Whatever was not deleted (a failure, a stop) is tried again on the next pass.
            foreach (var row in batches.Skip(done).SelectMany(b => b))
            {
                _acknowledged.Enqueue(row);
            }

            _deleting.Release();
        }
    }

    private async Task<int> DeleteAsync(NpgsqlConnection connection, OutboxTable table, OutboxRow[] rows, CancellationToken cancellationToken)
    {
        if (!_deleteSql.TryGetValue(table, out var sql))
        {
            sql = await BuildDeleteAsync(connection, table, cancellationToken).ConfigureAwait(false);
            _deleteSql[table] = sql;
        }

        await using var command = new NpgsqlCommand(sql, connection);
        for (var c = 0; c < table.Columns.Length; c++)
        {
            var values = new string[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                values[r] = rows[r].KeyText[c];
            }

            command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // DELETE … USING unnest($1::text[], …) with each value cast to its column's type, so the primary-key index is used.
    private static async Task<string> BuildDeleteAsync(NpgsqlConnection connection, OutboxTable table, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
            connection))
        {
            command.Parameters.AddWithValue(table.QuotedName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var sql = new StringBuilder("DELETE FROM ").Append(table.QuotedName).Append(" AS t USING unnest(");
        sql.AppendJoin(", ", table.Columns.Select((_, i) => $"${i + 1}::text[]"));
        sql.Append(") AS u(").AppendJoin(", ", table.Columns.Select((_, i) => $"k{i}")).Append(") WHERE ");
        sql.AppendJoin(" AND ", table.Columns.Select((c, i) =>
            $"t.{OutboxTable.Quote(c)} = u.k{i}::{(types.TryGetValue(c, out var type) ? type : throw new InvalidOperationException($"Column {c} of {table.Id} not found"))}"));
        return sql.ToString();
    }

    private OutboxTable? Describe((string Schema, string Table) id, Struct key)
    {
        foreach (var field in key.Schema.Fields)
        {
            // Logical types (dates as day numbers, Decimal bytes, …) do not cast back from text; UUIDs are plain strings.
            if (field.Schema.Name is { } name && name != "io.debezium.data.Uuid")
            {
                Log.OutboxKeyUnsupported(_logger, _source.Name, id.Schema + "." + id.Table, name);
                return null;
            }
        }

        return new OutboxTable(id.Schema, id.Table, key.Schema.Fields.Select(f => f.Name).ToArray());
    }

    private static string? ToText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        sbyte or byte or short or int or long or float or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        _ => null,
    };

    private static int PositiveInt(IReadOnlyDictionary<string, string> config, string key, int fallback)
    {
        var text = config.GetValueOrDefault(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ConnectException($"Invalid value {text} for configuration {key}: must be a positive integer");
    }
}
