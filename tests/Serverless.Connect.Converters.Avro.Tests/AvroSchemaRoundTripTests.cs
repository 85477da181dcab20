using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Connect → Avro → Connect schema equality (names, versions, docs, parameters, defaults) without a registry.</summary>
public sealed class AvroSchemaRoundTripTests
{
    private static readonly AvroData _data = new();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_SurvivesTheRoundTrip(string name, Schema schema)
    {
        Assert.False(string.IsNullOrEmpty(name));

        Assert.Equal(schema, _data.ToConnectSchema(_data.FromConnectSchema(schema)));
    }

    public static TheoryData<string, Schema> Schemas() => new()
    {
        { "int8", Schema.Int8Schema },
        { "optional int16", Schema.OptionalInt16Schema },
        { "versioned string with doc and parameters", SchemaBuilder.String().Version(4).Doc("d").Parameter("k", "v").Build() },
        { "precise decimal", DebeziumData.PreciseDecimal(12, 3).Optional().Build() },
        { "decimal", DecimalSchema.Create(0) },
        { "date", DateSchema.Schema },
        { "time", TimeSchema.Builder().Optional().Build() },
        { "timestamp", TimestampSchema.Schema },
        { "debezium enum", DebeziumData.Enum(["a", "b"]).Optional().DefaultValue("a").Build() },
        { "bits", DebeziumData.Bits(3).Build() },
        { "variable scale decimal", DebeziumData.VariableScaleDecimal().Optional().Build() },
        { "point", DebeziumData.Point().Build() },
        { "array", SchemaBuilder.Array(DebeziumTime.MicroTimestamp().Optional().Build()).Build() },
        { "string map", SchemaBuilder.Map(Schema.StringSchema, Schema.OptionalFloat64Schema).Optional().Build() },
        { "int map", SchemaBuilder.Map(Schema.Int64Schema, Schema.BytesSchema).Build() },
        { "optional-key map", SchemaBuilder.Map(Schema.OptionalStringSchema, Schema.Int32Schema).Build() },
        {
            "struct with defaults and docs",
            SchemaBuilder.Struct().Name("rt.Defaults").Version(7).Doc("record doc")
                .Field("a", SchemaBuilder.Int64().DefaultValue(-1L).Doc("field doc").Build())
                .Field("b", SchemaBuilder.Bool().Optional().DefaultValue(true).Build())
                .Field("c", SchemaBuilder.Float64().DefaultValue(0.25).Build())
                .Field("d", SchemaBuilder.Bytes().DefaultValue(new byte[] { 1, 200 }).Build())
                .Field("e", DateSchema.Builder().DefaultValue(new DateOnly(2000, 1, 1)).Build())
                .Field("f", SchemaBuilder.Array(Schema.Int32Schema).DefaultValue(new object?[] { 1, 2 }).Build())
                .Build()
        },
        {
            "nested unnamed structs",
            SchemaBuilder.Struct()
                .Field("inner", SchemaBuilder.Struct().Field("x", Schema.Int32Schema).Optional().Build())
                .Field("list", SchemaBuilder.Array(SchemaBuilder.Struct().Field("y", Schema.StringSchema).Build()).Build())
                .Build()
        },
    };

    [Fact]
    public void TopLevelVersion_ComesFromTheRegistryWhenTheSchemaHasNone()
    {
        var schema = SchemaBuilder.Struct().Name("rt.Unversioned").Field("a", Schema.Int32Schema).Build();

        var back = _data.ToConnectSchema(_data.FromConnectSchema(schema), version: 3)!;

        Assert.Equal(3, back.Version);
        Assert.Null(back.Fields[0].Schema.Version);
    }

    [Fact]
    public void ConnectVersion_WinsOverTheRegistryVersion()
    {
        var schema = SchemaBuilder.Struct().Name("rt.Versioned").Version(2).Field("a", Schema.Int32Schema).Build();

        Assert.Equal(2, _data.ToConnectSchema(_data.FromConnectSchema(schema), version: 9)!.Version);
    }

    [Fact]
    public void ForeignUnionAndEnum_BecomeConfluentsConnectShapes()
    {
        var schema = _data.ToConnectSchema(
            """{"type":"record","name":"R","fields":[{"name":"u","type":["null","int","string",{"type":"record","name":"S","fields":[]}]},""" +
            """{"name":"e","type":{"type":"enum","name":"E","namespace":"n","symbols":["A","B"],"default":"A","doc":"letters"}}]}""")!;

        var union = schema.FieldByName("u")!.Schema;
        Assert.Equal("io.confluent.connect.avro.Union", union.Name);
        Assert.True(union.IsOptional);
        Assert.Equal(["int", "string", "S"], union.Fields.Select(f => f.Name));
        var enumSchema = schema.FieldByName("e")!.Schema;
        Assert.Equal(SchemaType.String, enumSchema.Type);
        Assert.Equal("n.E", enumSchema.Parameters!["io.confluent.connect.avro.Enum"]);
        Assert.Equal("B", enumSchema.Parameters["io.confluent.connect.avro.Enum.B"]);
        Assert.Equal("letters", enumSchema.Parameters["io.confluent.connect.avro.enum.doc.E"]);
        Assert.Equal("A", enumSchema.Parameters["io.confluent.connect.avro.enum.default.E"]);
    }

    [Fact]
    public void RecursiveSchemas_AreRejectedClearly()
    {
        var error = Assert.Throws<DataException>(() =>
            _data.ToConnectSchema("""{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}"""));

        Assert.Contains("Recursive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueConversion_WithoutARegistry_RoundTrips()
    {
        var schema = SchemaBuilder.Struct().Name("rt.Value").Field("d", DecimalSchema.Create(2)).Field("m", SchemaBuilder.Map(Schema.Int32Schema, Schema.StringSchema).Build()).Build();
        var value = new StructBuilder(schema).Put("d", ConnectDecimal.Parse("1.25")).Put("m", ConnectMap.Create([new(key: 1, value: "one")])).Build();

        var datum = _data.FromConnectData(schema, value);
        var back = _data.ToConnectData(_data.FromConnectSchema(schema), datum);

        Assert.IsType<global::Avro.Generic.GenericRecord>(datum);
        Assert.Equal(value, back.Value);
    }
}
