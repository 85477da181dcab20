using System.Globalization;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Builds Debezium change events (envelope, source block, tombstones) for one connector.</summary>
/// <remarks>
/// Called once per row, so the source block's fields are resolved once and the values that stay the same for a whole
/// transaction (commit time, txId, the previous commit's LSN) are boxed or formatted once per transaction.
/// </remarks>
internal sealed class ChangeEventBuilder
{
    private static readonly Field s_version = SourceField("version");
    private static readonly Field s_connector = SourceField("connector");
    private static readonly Field s_name = SourceField("name");
    private static readonly Field s_tsMs = SourceField("ts_ms");
    private static readonly Field s_snapshot = SourceField("snapshot");
    private static readonly Field s_db = SourceField("db");
    private static readonly Field s_sequence = SourceField("sequence");
    private static readonly Field s_tsUs = SourceField("ts_us");
    private static readonly Field s_tsNs = SourceField("ts_ns");
    private static readonly Field s_schema = SourceField("schema");
    private static readonly Field s_table = SourceField("table");
    private static readonly Field s_txId = SourceField("txId");
    private static readonly Field s_lsn = SourceField("lsn");

    private readonly PostgresConnectorConfig _config;
    private readonly TimeProvider _time;

    // The values shared by every event of the current transaction.
    private long _cachedCommitTicks = long.MinValue;
    private object? _commitMs;
    private object? _commitUs;
    private object? _commitNs;
    private long? _cachedTxId;
    private object? _txId;
    private ulong? _cachedLastCommitLsn;
    private string _sequencePrefix = "[null,";

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
        if (position.CommitTime.Ticks != _cachedCommitTicks)
        {
            var micros = (position.CommitTime.Ticks - DateTime.UnixEpoch.Ticks) / 10;
            _cachedCommitTicks = position.CommitTime.Ticks;
            _commitMs = micros / 1000;
            _commitUs = micros;
            _commitNs = micros * 1000;
        }

        if (position.TxId != _cachedTxId)
        {
            _cachedTxId = position.TxId;
            _txId = position.TxId;
        }

        if (position.LastCommitLsn != _cachedLastCommitLsn)
        {
            _cachedLastCommitLsn = position.LastCommitLsn;
            _sequencePrefix = "[" + Quote(position.LastCommitLsn) + ",";
        }

        return new StructBuilder(DebeziumSchemas.Source)
            .Put(s_version, PostgresConnectorConfigDef.DebeziumVersion)
            .Put(s_connector, "postgresql")
            .Put(s_name, _config.TopicPrefix)
            .Put(s_tsMs, _commitMs)
            .Put(s_snapshot, position.Snapshot)
            .Put(s_db, _config.DatabaseName)
            .Put(s_sequence, string.Concat(_sequencePrefix, Quote(position.Lsn), "]"))
            .Put(s_tsUs, _commitUs)
            .Put(s_tsNs, _commitNs)
            .Put(s_schema, schema)
            .Put(s_table, table)
            .Put(s_txId, _txId)
            .Put(s_lsn, (long)position.Lsn)
            .Build();
    }

    private static Field SourceField(string name) => DebeziumSchemas.Source.FieldByName(name)!;

    private static string Quote(ulong? lsn) => lsn is { } value ? "\"" + value.ToString(CultureInfo.InvariantCulture) + "\"" : "null";
}
