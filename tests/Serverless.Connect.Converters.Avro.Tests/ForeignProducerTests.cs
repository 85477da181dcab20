using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Serverless.Connect.Data;
using ConnectSchema = Serverless.Connect.Data.Schema;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Interoperability with data written and read by Confluent's own .NET Avro serdes (not by a Connect converter).</summary>
public sealed class ForeignProducerTests : IClassFixture<RegistryFixture>
{
    private const string OrderSchema =
        """
        {"type":"record","name":"Order","namespace":"shop","doc":"an order","fields":[
          {"name":"id","type":"long"},
          {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
          {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
          {"name":"note","type":["null","string"],"default":null},
          {"name":"choice","type":["int","string"]},
          {"name":"code","type":{"type":"fixed","name":"Code","size":2}},
          {"name":"qty","type":"int","default":1,"doc":"how many"},
          {"name":"created","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"day","type":{"type":"int","logicalType":"date"}},
          {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[{"name":"sku","type":"string"}]}}},
          {"name":"attrs","type":{"type":"map","values":"string"}}
        ]}
        """;

    private readonly RegistryFixture _registry;

    public ForeignProducerTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public async Task RecordFromConfluentsSerializer_IsReadWithConfluentsConnectMapping()
    {
        var topic = TestConverters.Topic();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Server.Url });
        var serializer = new AvroSerializer<GenericRecord>(client, new AvroSerializerConfig());
        var schema = (RecordSchema)global::Avro.Schema.Parse(OrderSchema);
        var bytes = await serializer.SerializeAsync(CreateOrder(schema), new SerializationContext(MessageComponentType.Value, topic));
        using var converter = TestConverters.Create(_registry.Server);

        var back = converter.ToConnectData(topic, bytes);

        var connect = back.Schema!;
        Assert.Equal("shop.Order", connect.Name);
        Assert.Equal(1, connect.Version);
        Assert.Equal("an order", connect.Parameters!["io.confluent.connect.avro.record.doc"]);
        Assert.Equal("how many", connect.Parameters["io.confluent.connect.avro.field.doc.qty"]);
        Assert.Equal("shop.Status", connect.FieldByName("status")!.Schema.Parameters!["io.confluent.connect.avro.Enum"]);
        Assert.Equal(DecimalSchema.LogicalName, connect.FieldByName("amount")!.Schema.Name);
        Assert.Equal("9", connect.FieldByName("amount")!.Schema.Parameters!["connect.decimal.precision"]);
        Assert.True(connect.FieldByName("note")!.Schema.IsOptional);
        Assert.Equal("io.confluent.connect.avro.Union", connect.FieldByName("choice")!.Schema.Name);
        Assert.Equal("2", connect.FieldByName("code")!.Schema.Parameters!["connect.fixed.size"]);
        Assert.Equal(1, connect.FieldByName("qty")!.Schema.DefaultValue);
        Assert.Equal("true", connect.FieldByName("qty")!.Schema.Parameters!["io.confluent.connect.avro.field.default"]);
        Assert.Equal(TimestampSchema.LogicalName, connect.FieldByName("created")!.Schema.Name);

        var value = Assert.IsType<Struct>(back.Value);
        Assert.Equal(42L, value.Get("id"));
        Assert.Equal("PAID", value.Get("status"));
        Assert.Equal(ConnectDecimal.Parse("123.45"), value.Get("amount"));
        Assert.Null(value.Get("note"));
        Assert.Equal("two", ((Struct)value.Get("choice")!).Get("string"));
        Assert.Equal(new byte[] { 1, 2 }, value.Get("code"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645678), value.Get("created"));
        Assert.Equal(new DateOnly(2024, 1, 2), value.Get("day"));
        Assert.Equal("A-1", ((Struct)((IReadOnlyList<object?>)value.Get("lines")!)[0]!).Get("sku"));
        Assert.Equal("v", ((IReadOnlyDictionary<object, object?>)value.Get("attrs")!)["k"]);
    }

    [Fact]
    public async Task ForeignRecord_ConvertedBackToAvro_RegistersAnEquivalentSchema()
    {
        var topic = TestConverters.Topic();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Server.Url });
        var serializer = new AvroSerializer<GenericRecord>(client, new AvroSerializerConfig());
        var bytes = await serializer.SerializeAsync(CreateOrder((RecordSchema)global::Avro.Schema.Parse(OrderSchema)), new SerializationContext(MessageComponentType.Value, topic));
        using var converter = TestConverters.Create(_registry.Server, false, ("enhanced.avro.schema.support", "true"));
        var read = converter.ToConnectData(topic, bytes);

        // A sink-to-source style pass: the Connect data goes out again through the converter to another topic.
        var copyTopic = topic + ".copy";
        var copy = converter.ToConnectData(copyTopic, converter.FromConnectData(copyTopic, read.Schema, read.Value));

        Assert.Equal(read.Value, copy.Value);
        var text = _registry.Server.Store.Versions(copyTopic + "-value")![0].Schema;
        Assert.Contains("""{"type":"enum","name":"Status","symbols":["NEW","PAID"]""", text, StringComparison.Ordinal);
        Assert.Contains("""{"type":"fixed","name":"Code","size":2""", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConverterOutput_IsReadableByConfluentsDeserializer()
    {
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("shop.Payment").Version(1)
            .Field("id", ConnectSchema.Int32Schema)
            .Field("amount", DecimalSchema.Create(2))
            .Field("at", TimestampSchema.Schema)
            .Field("note", ConnectSchema.OptionalStringSchema)
            .Build();
        var value = new StructBuilder(schema)
            .Put("id", 5)
            .Put("amount", ConnectDecimal.Parse("10.50"))
            .Put("at", DateTimeOffset.FromUnixTimeMilliseconds(1704164645678))
            .Put("note", "paid")
            .Build();
        using var converter = TestConverters.Create(_registry.Server);
        var bytes = converter.FromConnectData(topic, schema, value);
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Server.Url });
        var deserializer = new AvroDeserializer<GenericRecord>(client);

        var record = await deserializer.DeserializeAsync(bytes, isNull: false, new SerializationContext(MessageComponentType.Value, topic));

        Assert.Equal(5, record["id"]);
        Assert.Equal(new AvroDecimal(1050, 2), record["amount"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645678).UtcDateTime, record["at"]);
        Assert.Equal("paid", record["note"]);
    }

    private static GenericRecord CreateOrder(RecordSchema schema)
    {
        var line = new GenericRecord((RecordSchema)((ArraySchema)schema["lines"].Schema).ItemSchema);
        line.Add("sku", "A-1");
        var order = new GenericRecord(schema);
        order.Add("id", 42L);
        order.Add("status", new GenericEnum((EnumSchema)schema["status"].Schema, "PAID"));
        order.Add("amount", new AvroDecimal(12345, 2));
        order.Add("note", null);
        order.Add("choice", "two");
        order.Add("code", new GenericFixed((FixedSchema)schema["code"].Schema, [1, 2]));
        order.Add("qty", 3);
        order.Add("created", DateTimeOffset.FromUnixTimeMilliseconds(1704164645678).UtcDateTime);
        order.Add("day", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        order.Add("lines", new object[] { line });
        order.Add("attrs", new Dictionary<string, object> { ["k"] = "v" });
        return order;
    }
}
