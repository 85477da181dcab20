using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Core.Tests.Converters;

// A Debezium 2.7 PostgreSQL change event, built from the documented schema shape (debezium-postgres.md §1–3, §5).
public sealed class DebeziumEnvelopeTests
{
    private static readonly Schema _row = SchemaBuilder.Struct().Name("srv.public.customers.Value").Optional()
        .Field("id", SchemaBuilder.Int32().DefaultValue(0))
        .Field("name", Schema.OptionalStringSchema)
        .Field("price", DebeziumData.PreciseDecimal(10, 2).Optional())
        .Field("created_at", DebeziumTime.MicroTimestamp().Optional())
        .Build();

    private static readonly Schema _source = SchemaBuilder.Struct().Name("io.debezium.connector.postgresql.Source")
        .Field("version", Schema.StringSchema)
        .Field("connector", Schema.StringSchema)
        .Field("name", Schema.StringSchema)
        .Field("ts_ms", Schema.Int64Schema)
        .Field("snapshot", DebeziumData.Enum(["true", "last", "false", "incremental"]).Optional().DefaultValue("false"))
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

    private static readonly Schema _transaction = SchemaBuilder.Struct().Name("event.block").Version(1).Optional()
        .Field("id", Schema.StringSchema)
        .Field("total_order", Schema.Int64Schema)
        .Field("data_collection_order", Schema.Int64Schema)
        .Build();

    private static readonly Schema _envelope = SchemaBuilder.Struct().Name("srv.public.customers.Envelope").Version(2)
        .Field("before", _row)
        .Field("after", _row)
        .Field("source", _source)
        .Field("transaction", _transaction)
        .Field("op", Schema.StringSchema)
        .Field("ts_ms", Schema.OptionalInt64Schema)
        .Field("ts_us", Schema.OptionalInt64Schema)
        .Field("ts_ns", Schema.OptionalInt64Schema)
        .Build();

    private static Struct Event() =>
        new StructBuilder(_envelope)
            .Put("after", new StructBuilder(_row).Put("id", 1).Put("name", "Ann").Put("price", new ConnectDecimal(1999, 2))
                .Put("created_at", 1704164645678123L).Build())
            .Put("source", new StructBuilder(_source)
                .Put("version", "2.7.3.Final").Put("connector", "postgresql").Put("name", "srv").Put("ts_ms", 1704164645678L)
                .Put("db", "shop").Put("sequence", "[\"24023119\",\"24023128\"]").Put("ts_us", 1704164645678123L)
                .Put("ts_ns", 1704164645678123000L).Put("schema", "public").Put("table", "customers").Put("txId", 771L)
                .Put("lsn", 24023128L).Build())
            .Put("op", "c")
            .Put("ts_ms", 1704164645700L)
            .Put("ts_us", 1704164645700123L)
            .Put("ts_ns", 1704164645700123456L)
            .Build();

    [Fact]
    public void Payload_WithoutSchemas_IsExact()
    {
        Assert.Equal(
            "{\"before\":null,\"after\":{\"id\":1,\"name\":\"Ann\",\"price\":\"B88=\",\"created_at\":1704164645678123}," +
            "\"source\":{\"version\":\"2.7.3.Final\",\"connector\":\"postgresql\",\"name\":\"srv\",\"ts_ms\":1704164645678," +
            "\"snapshot\":\"false\",\"db\":\"shop\",\"sequence\":\"[\\\"24023119\\\",\\\"24023128\\\"]\",\"ts_us\":1704164645678123," +
            "\"ts_ns\":1704164645678123000,\"schema\":\"public\",\"table\":\"customers\",\"txId\":771,\"lsn\":24023128,\"xmin\":null}," +
            "\"transaction\":null,\"op\":\"c\",\"ts_ms\":1704164645700,\"ts_us\":1704164645700123,\"ts_ns\":1704164645700123456}",
            Converters.Json(schemas: false).Write(_envelope, Event()));
    }

    [Fact]
    public void Schema_HasDebeziumShape()
    {
        var json = Converters.Json().Write(_envelope, Event());

        Assert.StartsWith(
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"fields\":[" +
            "{\"type\":\"int32\",\"optional\":false,\"default\":0,\"field\":\"id\"}," +
            "{\"type\":\"string\",\"optional\":true,\"field\":\"name\"}," +
            "{\"type\":\"bytes\",\"optional\":true,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1," +
            "\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"},\"field\":\"price\"}," +
            "{\"type\":\"int64\",\"optional\":true,\"name\":\"io.debezium.time.MicroTimestamp\",\"version\":1,\"field\":\"created_at\"}]," +
            "\"optional\":true,\"name\":\"srv.public.customers.Value\",\"field\":\"before\"},",
            json,
            StringComparison.Ordinal);
        Assert.Contains(
            "{\"type\":\"string\",\"optional\":true,\"name\":\"io.debezium.data.Enum\",\"version\":1," +
            "\"parameters\":{\"allowed\":\"true,last,false,incremental\"},\"default\":\"false\",\"field\":\"snapshot\"}",
            json,
            StringComparison.Ordinal);
        Assert.Contains(
            "\"optional\":true,\"name\":\"event.block\",\"version\":1,\"field\":\"transaction\"}," +
            "{\"type\":\"string\",\"optional\":false,\"field\":\"op\"}",
            json,
            StringComparison.Ordinal);
        Assert.Contains("],\"optional\":false,\"name\":\"srv.public.customers.Envelope\",\"version\":2},\"payload\":{\"before\":null,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_RoundTripsThroughEnvelope()
    {
        var converter = Converters.Json();
        var bytes = converter.FromConnectData("srv.public.customers", _envelope, Event());
        var result = converter.ToConnectData("srv.public.customers", bytes);

        Assert.Equal(_envelope, result.Schema);
        var value = Assert.IsType<Struct>(result.Value);
        Assert.Equal("false", value.GetStruct("source")!.Get("snapshot"));
        Assert.Equal(new ConnectDecimal(1999, 2), value.GetStruct("after")!.Get("price"));
        Assert.Equal(converter.FromConnectData("t", _envelope, value), bytes);
    }

    [Fact]
    public void Tombstone_IsKafkaNull() => Assert.Null(Converters.Json().FromConnectData("srv.public.customers", null, null));
}
