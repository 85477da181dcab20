using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Transforms.Tests.Debezium;

/// <summary>Change events shaped exactly as the Debezium 2.7 PostgreSQL connector emits them for <c>cdc.orders.public.orders</c>.</summary>
internal static class PostgresEvents
{
    public const string Topic = "cdc.orders.public.orders";
    public const long EventTs = 1_704_110_400_123L;
    public const long CommitTs = 1_704_110_400_000L;

    public static readonly Schema KeySchema = SchemaBuilder.Struct().Name(Topic + ".Key")
        .Field("id", SchemaBuilder.Int32().DefaultValue(0).Build())
        .Build();

    public static readonly Schema RowSchema = SchemaBuilder.Struct().Name(Topic + ".Value").Optional()
        .Field("id", SchemaBuilder.Int32().DefaultValue(0).Build())
        .Field("customer", Schema.OptionalStringSchema)
        .Field("status", SchemaBuilder.String().Optional().DefaultValue("new").Build())
        .Field("total", DebeziumData.PreciseDecimal(10, 2).Optional().Build())
        .Field("created_at", DebeziumTime.MicroTimestamp().Optional().Build())
        .Build();

    public static readonly Schema SourceSchema = SchemaBuilder.Struct().Name("io.debezium.connector.postgresql.Source")
        .Field("version", Schema.StringSchema)
        .Field("connector", Schema.StringSchema)
        .Field("name", Schema.StringSchema)
        .Field("ts_ms", Schema.Int64Schema)
        .Field("snapshot", DebeziumData.Enum(["true", "last", "false", "incremental"]).Optional().DefaultValue("false").Build())
        .Field("db", Schema.StringSchema)
        .Field("sequence", Schema.OptionalStringSchema)
        .Field("ts_us", Schema.OptionalInt64Schema)
        .Field("ts_ns", Schema.OptionalInt64Schema)
        .Field("schema", Schema.StringSchema)
        .Field("table", Schema.StringSchema)
        .Field("txId", Schema.OptionalInt64Schema)
        .Field("lsn", Schema.OptionalInt64Schema)
        .Field("xmin", Schema.OptionalInt64Schema)
        .Build();

    public static readonly Schema TransactionSchema = SchemaBuilder.Struct().Name("event.block").Version(1).Optional()
        .Field("id", Schema.StringSchema)
        .Field("total_order", Schema.Int64Schema)
        .Field("data_collection_order", Schema.Int64Schema)
        .Build();

    public static readonly Schema EnvelopeSchema = SchemaBuilder.Struct().Name(Topic + ".Envelope").Version(2)
        .Field("before", RowSchema)
        .Field("after", RowSchema)
        .Field("source", SourceSchema)
        .Field("transaction", TransactionSchema)
        .Field("op", Schema.StringSchema)
        .Field("ts_ms", Schema.OptionalInt64Schema)
        .Field("ts_us", Schema.OptionalInt64Schema)
        .Field("ts_ns", Schema.OptionalInt64Schema)
        .Build();

    public static Struct Row(int id, string? customer = "alice", string? status = "paid") =>
        new StructBuilder(RowSchema)
            .Put("id", id)
            .Put("customer", customer)
            .Put("status", status)
            .Put("total", new ConnectDecimal(12345, 2))
            .Put("created_at", 1_704_110_399_000_000L)
            .Build();

    public static Struct KeyOf(int id) => new StructBuilder(KeySchema).Put("id", id).Build();

    public static Struct Source(string? snapshot = null, long lsn = 24_023_128L) =>
        new StructBuilder(SourceSchema)
            .Put("version", "2.7.3.Final")
            .Put("connector", "postgresql")
            .Put("name", "cdc.orders")
            .Put("ts_ms", CommitTs)
            .Put("snapshot", snapshot)
            .Put("db", "orders")
            .Put("sequence", "[\"24023119\",\"24023128\"]")
            .Put("ts_us", CommitTs * 1000)
            .Put("ts_ns", CommitTs * 1_000_000)
            .Put("schema", "public")
            .Put("table", "orders")
            .Put("txId", 771L)
            .Put("lsn", lsn)
            .Build();

    public static Struct Transaction() =>
        new StructBuilder(TransactionSchema).Put("id", "771:24023128").Put("total_order", 3L).Put("data_collection_order", 2L).Build();

    public static ConnectRecord Create(int id = 1) => Event("c", before: null, after: Row(id), id);

    public static ConnectRecord Read(int id = 1) => Event("r", before: null, after: Row(id), id, snapshot: "true");

    public static ConnectRecord Update(int id = 1) => Event("u", before: Row(id, status: "new"), after: Row(id, status: "shipped"), id);

    public static ConnectRecord Delete(int id = 1) => Event("d", before: Row(id, customer: null, status: null), after: null, id);

    public static ConnectRecord Tombstone(int id = 1) => new(Topic, 0, KeySchema, KeyOf(id), null, null, EventTs);

    public static ConnectRecord Truncate() => new(Topic, 0, null, null, EnvelopeSchema, Envelope("t", null, null), EventTs);

    public static ConnectRecord Event(string op, Struct? before, Struct? after, int id, string? snapshot = null, Struct? transaction = null) =>
        new(Topic, 0, KeySchema, KeyOf(id), EnvelopeSchema, Envelope(op, before, after, snapshot, transaction), EventTs);

    public static Struct Envelope(string op, Struct? before, Struct? after, string? snapshot = null, Struct? transaction = null) =>
        new StructBuilder(EnvelopeSchema)
            .Put("before", before)
            .Put("after", after)
            .Put("source", Source(snapshot))
            .Put("transaction", transaction)
            .Put("op", op)
            .Put("ts_ms", EventTs)
            .Put("ts_us", EventTs * 1000)
            .Put("ts_ns", EventTs * 1_000_000)
            .Build();

    public static ConnectRecord Heartbeat()
    {
        var key = SchemaBuilder.Struct().Name("io.debezium.connector.common.ServerNameKey").Field("serverName", Schema.StringSchema).Build();
        var value = SchemaBuilder.Struct().Name("io.debezium.connector.common.Heartbeat").Field("ts_ms", Schema.Int64Schema).Build();
        return new ConnectRecord("__debezium-heartbeat.cdc.orders", null, key, new StructBuilder(key).Put("serverName", "cdc.orders").Build(),
            value, new StructBuilder(value).Put("ts_ms", EventTs).Build(), EventTs);
    }

    public static Dictionary<string, string> Config(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
