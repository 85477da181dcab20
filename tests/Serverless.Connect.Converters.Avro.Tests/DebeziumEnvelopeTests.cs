using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>A Debezium Postgres change event (Key + Envelope) as the postgres-source connector with AvroConverter writes it.</summary>
public sealed class DebeziumEnvelopeTests : IClassFixture<RegistryFixture>
{
    private static readonly Schema _key = SchemaBuilder.Struct().Name("srv.public.customers.Key").Field("id", Schema.Int32Schema).Build();

    private static readonly Schema _row = SchemaBuilder.Struct().Name("srv.public.customers.Value").Optional()
        .Field("id", SchemaBuilder.Int32().DefaultValue(0).Build())
        .Field("email", Schema.OptionalStringSchema)
        .Field("price", DebeziumData.PreciseDecimal(10, 2).Optional().Build())
        .Field("created_at", DebeziumTime.MicroTimestamp().Build())
        .Field("attributes", DebeziumData.Json().Optional().Build())
        .Field("tags", SchemaBuilder.Array(Schema.OptionalStringSchema).Optional().Build())
        .Build();

    private static readonly Schema _source = SchemaBuilder.Struct().Name("io.debezium.connector.postgresql.Source")
        .Field("version", Schema.StringSchema)
        .Field("connector", Schema.StringSchema)
        .Field("name", Schema.StringSchema)
        .Field("ts_ms", Schema.Int64Schema)
        .Field("snapshot", DebeziumData.Enum(["true", "last", "false", "incremental"]).Optional().DefaultValue("false").Build())
        .Field("db", Schema.StringSchema)
        .Field("sequence", Schema.OptionalStringSchema)
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

    private readonly RegistryFixture _registry;

    public DebeziumEnvelopeTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public void KeyAndEnvelope_RoundTrip_UnderTheTopicSubjects()
    {
        var topic = "srv.public.customers." + TestConverters.Topic();
        using var keys = TestConverters.Create(_registry.Server, isKey: true);
        using var values = TestConverters.Create(_registry.Server);
        var key = new StructBuilder(_key).Put("id", 1).Build();
        var value = CreateEvent();

        var keyBack = keys.ToConnectData(topic, keys.FromConnectData(topic, _key, key));
        var valueBack = values.ToConnectData(topic, values.FromConnectData(topic, _envelope, value));

        // The key schema has no version of its own, so it takes the subject version (as with Confluent's converter).
        Assert.Equal(SchemaBuilder.Struct().Name("srv.public.customers.Key").Version(1).Field("id", Schema.Int32Schema).Build(), keyBack.Schema);
        Assert.Equal(1, ((Struct)keyBack.Value!).Get("id"));
        Assert.Equal(_envelope, valueBack.Schema);
        Assert.Equal(value, valueBack.Value);
        Assert.NotNull(_registry.Server.Store.Versions(topic + "-key"));
        Assert.NotNull(_registry.Server.Store.Versions(topic + "-value"));
    }

    [Fact]
    public void EnvelopeSchemaText_DefinesValueOnce_AndKeepsDebeziumSemantics()
    {
        using var values = TestConverters.Create(_registry.Server);

        var text = values.AvroSchemaFor(_envelope);

        Assert.StartsWith("""{"type":"record","name":"Envelope","namespace":"srv.public.customers","fields":[{"name":"before","type":["null",{"type":"record","name":"Value",""", text, StringComparison.Ordinal);
        Assert.Contains("""{"name":"after","type":["null","Value"],"default":null}""", text, StringComparison.Ordinal);
        Assert.Contains("""{"name":"id","type":{"type":"int","connect.default":0},"default":0}""", text, StringComparison.Ordinal);
        Assert.Contains("""{"name":"created_at","type":{"type":"long","connect.version":1,"connect.name":"io.debezium.time.MicroTimestamp"}}""", text, StringComparison.Ordinal);
        Assert.Contains(
            """{"name":"snapshot","type":[{"type":"string","connect.version":1,"connect.parameters":{"allowed":"true,last,false,incremental"}""" +
            ""","connect.default":"false","connect.name":"io.debezium.data.Enum"},"null"],"default":"false"}""",
            text,
            StringComparison.Ordinal);
        Assert.Contains("""{"name":"transaction","type":["null",{"type":"record","name":"block","namespace":"event",""", text, StringComparison.Ordinal);
        Assert.EndsWith("\"connect.version\":2,\"connect.name\":\"srv.public.customers.Envelope\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeleteTombstone_KeepsTheKeyAndANullValue()
    {
        var topic = "srv.public.customers." + TestConverters.Topic();
        using var keys = TestConverters.Create(_registry.Server, isKey: true);
        using var values = TestConverters.Create(_registry.Server);

        var keyBytes = keys.FromConnectData(topic, _key, new StructBuilder(_key).Put("id", 9).Build());
        var valueBytes = values.FromConnectData(topic, null, null);

        Assert.NotNull(keyBytes);
        Assert.Null(valueBytes);
        Assert.Equal(SchemaAndValue.Null, values.ToConnectData(topic, valueBytes));
    }

    private static Struct CreateEvent()
    {
        var after = new StructBuilder(_row)
            .Put("id", 1)
            .Put("email", "ada@example.com")
            .Put("price", ConnectDecimal.Parse("19.99"))
            .Put("created_at", 1704164645678123L)
            .Put("attributes", "{\"vip\":true}")
            .Put("tags", new object?[] { "a", null })
            .Build();
        var source = new StructBuilder(_source)
            .Put("version", "2.7.3.Final")
            .Put("connector", "postgresql")
            .Put("name", "srv")
            .Put("ts_ms", 1704164645000L)
            .Put("snapshot", "last")
            .Put("db", "orders")
            .Put("sequence", "[\"24023119\",\"24023128\"]")
            .Put("schema", "public")
            .Put("table", "customers")
            .Put("txId", 771L)
            .Put("lsn", 24023128L)
            .Build();
        return new StructBuilder(_envelope)
            .Put("after", after)
            .Put("source", source)
            .Put("op", "c")
            .Put("ts_ms", 1704164645679L)
            .Put("ts_us", 1704164645679123L)
            .Put("ts_ns", 1704164645679123456L)
            .Build();
    }
}
