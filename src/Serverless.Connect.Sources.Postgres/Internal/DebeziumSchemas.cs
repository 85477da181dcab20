using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>The fixed Debezium 2.7 schemas: source block, transaction block, heartbeat and transaction metadata.</summary>
internal static class DebeziumSchemas
{
    public const string SnapshotAllowed = "true,last,false,incremental";

    public static readonly Schema Source = SchemaBuilder.Struct().Name("io.debezium.connector.postgresql.Source")
        .Field("version", Schema.StringSchema)
        .Field("connector", Schema.StringSchema)
        .Field("name", Schema.StringSchema)
        .Field("ts_ms", Schema.Int64Schema)
        .Field("snapshot", SchemaBuilder.String().Name(DebeziumData.EnumName).Version(1)
            .Parameter(DebeziumData.AllowedParameter, SnapshotAllowed).DefaultValue("false").Optional())
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

    public static readonly Schema Transaction = SchemaBuilder.Struct().Name("event.block").Version(1).Optional()
        .Field("id", Schema.StringSchema)
        .Field("total_order", Schema.Int64Schema)
        .Field("data_collection_order", Schema.Int64Schema)
        .Build();

    public static readonly Schema HeartbeatKey = SchemaBuilder.Struct().Name("io.debezium.connector.common.ServerNameKey")
        .Field("serverName", Schema.StringSchema)
        .Build();

    public static readonly Schema HeartbeatValue = SchemaBuilder.Struct().Name("io.debezium.connector.common.Heartbeat")
        .Field("ts_ms", Schema.Int64Schema)
        .Build();

    public static readonly Schema TransactionKey = SchemaBuilder.Struct().Name("io.debezium.connector.common.TransactionMetadataKey")
        .Field("id", Schema.StringSchema)
        .Build();

    public static readonly Schema DataCollection = SchemaBuilder.Struct().Name("event.collection").Version(1)
        .Field("data_collection", Schema.StringSchema)
        .Field("event_count", Schema.Int64Schema)
        .Build();

    public static readonly Schema TransactionValue = SchemaBuilder.Struct().Name("io.debezium.connector.common.TransactionMetadataValue")
        .Field("status", Schema.StringSchema)
        .Field("id", Schema.StringSchema)
        .Field("event_count", Schema.OptionalInt64Schema)
        .Field("data_collections", SchemaBuilder.Array(DataCollection).Optional())
        .Field("ts_ms", Schema.Int64Schema)
        .Build();

    public static Schema Envelope(string name, Schema value) => SchemaBuilder.Struct().Name(name).Version(2)
        .Field("before", value)
        .Field("after", value)
        .Field("source", Source)
        .Field("transaction", Transaction)
        .Field("op", Schema.StringSchema)
        .Field("ts_ms", Schema.OptionalInt64Schema)
        .Field("ts_us", Schema.OptionalInt64Schema)
        .Field("ts_ns", Schema.OptionalInt64Schema)
        .Build();
}
