using System.Globalization;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Builds Debezium change events (envelope, source block, tombstones) for one connector.</summary>
internal sealed class ChangeEventBuilder
{
    private readonly PostgresConnectorConfig _config;
    private readonly TimeProvider _time;

    public ChangeEventBuilder(PostgresConnectorConfig config, TimeProvider time)
    {
        _config = config;
        _time = time;
    }

    public ConnectRecord Change(TableSchema table, string op, Struct? key, Struct? before, Struct? after, in SourcePosition position, ConnectHeaders? headers = null)
    {
        var now = _time.GetUtcNow();
        var nowTicks = now.UtcTicks - DateTime.UnixEpoch.Ticks;
        var envelope = new StructBuilder(table.EnvelopeSchema)
            .Put("before", before)
            .Put("after", after)
            .Put("source", Source(table.SchemaName, table.TableName, position))
            .Put("transaction", position.Transaction)
            .Put("op", op)
            .Put("ts_ms", nowTicks / TimeSpan.TicksPerMillisecond)
            .Put("ts_us", nowTicks / 10)
            .Put("ts_ns", nowTicks * 100)
            .Build();
        return new ConnectRecord(table.Topic, null, table.KeySchema, key, table.EnvelopeSchema, envelope, headers: headers);
    }

    public ConnectRecord Tombstone(TableSchema table, Struct? key) => new(table.Topic, null, table.KeySchema, key, null, null);

    public Struct Source(string schema, string table, in SourcePosition position)
    {
        var micros = (position.CommitTime.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        var sequence = "[" + Quote(position.LastCommitLsn) + "," + Quote(position.Lsn) + "]";
        return new StructBuilder(DebeziumSchemas.Source)
            .Put("version", PostgresConnectorConfigDef.DebeziumVersion)
            .Put("connector", "postgresql")
            .Put("name", _config.TopicPrefix)
            .Put("ts_ms", micros / 1000)
            .Put("snapshot", position.Snapshot)
            .Put("db", _config.DatabaseName)
            .Put("sequence", sequence)
            .Put("ts_us", micros)
            .Put("ts_ns", micros * 1000)
            .Put("schema", schema)
            .Put("table", table)
            .Put("txId", position.TxId)
            .Put("lsn", (long)position.Lsn)
            .Put("xmin", null)
            .Build();
    }

    private static string Quote(ulong? lsn) => lsn is { } value ? "\"" + value.ToString(CultureInfo.InvariantCulture) + "\"" : "null";
}
