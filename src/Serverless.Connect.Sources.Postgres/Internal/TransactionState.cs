using System.Globalization;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>The transaction being decoded: ids, commit time and the per-table counters for transaction metadata.</summary>
internal sealed class TransactionState
{
    private readonly Dictionary<string, long> _perTable = new(StringComparer.Ordinal);

    public long? Xid { get; private set; }

    public ulong EndLsn { get; private set; }

    public DateTime CommitTime { get; private set; }

    public long EventCount { get; private set; }

    private string Id => Xid?.ToString(CultureInfo.InvariantCulture) + ":" + EndLsn.ToString(CultureInfo.InvariantCulture);

    public void Begin(uint xid, ulong finalLsn, DateTime commitTime)
    {
        Xid = xid;
        EndLsn = finalLsn;
        CommitTime = commitTime;
        EventCount = 0;
        _perTable.Clear();
    }

    public void Count(string table)
    {
        EventCount++;
        _perTable[table] = _perTable.GetValueOrDefault(table) + 1;
    }

    public Struct NextBlock(string table)
    {
        Count(table);
        return new StructBuilder(DebeziumSchemas.Transaction)
            .Put("id", Id)
            .Put("total_order", EventCount)
            .Put("data_collection_order", _perTable[table])
            .Build();
    }

    public ConnectRecord BeginEvent(PostgresConnectorConfig config) => Event(config, "BEGIN", null, null);

    public ConnectRecord EndEvent(PostgresConnectorConfig config)
    {
        var collections = _perTable.Select(p => (object?)new StructBuilder(DebeziumSchemas.DataCollection)
            .Put("data_collection", p.Key)
            .Put("event_count", p.Value)
            .Build()).ToArray();
        return Event(config, "END", EventCount, collections);
    }

    private ConnectRecord Event(PostgresConnectorConfig config, string status, long? count, object?[]? collections)
    {
        var key = new StructBuilder(DebeziumSchemas.TransactionKey).Put("id", Id).Build();
        var value = new StructBuilder(DebeziumSchemas.TransactionValue)
            .Put("status", status)
            .Put("id", Id)
            .Put("event_count", count)
            .Put("data_collections", collections)
            .Put("ts_ms", (CommitTime.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond)
            .Build();
        return new ConnectRecord(config.TransactionTopic, null, DebeziumSchemas.TransactionKey, key, DebeziumSchemas.TransactionValue, value);
    }
}
