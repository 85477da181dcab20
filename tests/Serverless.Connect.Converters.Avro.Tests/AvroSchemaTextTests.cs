using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>The exact Avro schema text registered for Connect schemas (Confluent AvroData + Avro Java rendering).</summary>
public sealed class AvroSchemaTextTests
{
    private static readonly AvroData _data = new();

    [Fact]
    public void Primitives_AreBareTypeNames()
    {
        Assert.Equal("\"int\"", _data.FromConnectSchema(Schema.Int32Schema));
        Assert.Equal("\"long\"", _data.FromConnectSchema(Schema.Int64Schema));
        Assert.Equal("\"float\"", _data.FromConnectSchema(Schema.Float32Schema));
        Assert.Equal("\"double\"", _data.FromConnectSchema(Schema.Float64Schema));
        Assert.Equal("\"boolean\"", _data.FromConnectSchema(Schema.BooleanSchema));
        Assert.Equal("\"string\"", _data.FromConnectSchema(Schema.StringSchema));
        Assert.Equal("\"bytes\"", _data.FromConnectSchema(Schema.BytesSchema));
        Assert.Equal("[\"null\",\"string\"]", _data.FromConnectSchema(Schema.OptionalStringSchema));
    }

    [Fact]
    public void Int8AndInt16_AreIntsTaggedWithConnectType()
    {
        Assert.Equal("""{"type":"int","connect.type":"int8"}""", _data.FromConnectSchema(Schema.Int8Schema));
        Assert.Equal("""{"type":"int","connect.type":"int16"}""", _data.FromConnectSchema(Schema.Int16Schema));
    }

    [Fact]
    public void UnnamedStruct_IsConnectDefaultRecord_WithOptionalFieldsAsNullUnions()
    {
        var schema = SchemaBuilder.Struct()
            .Field("id", Schema.Int32Schema)
            .Field("email", Schema.OptionalStringSchema)
            .Build();

        Assert.Equal(
            """{"type":"record","name":"ConnectDefault","namespace":"io.confluent.connect.avro","fields":[{"name":"id","type":"int"},{"name":"email","type":["null","string"],"default":null}]}""",
            _data.FromConnectSchema(schema));
    }

    [Fact]
    public void UnnamedNestedStructs_AreNumberedInOrder_AndWrittenWithoutRepeatingTheNamespace()
    {
        var schema = SchemaBuilder.Struct()
            .Field("a", SchemaBuilder.Struct().Field("x", Schema.Int32Schema).Build())
            .Field("b", SchemaBuilder.Struct().Field("y", Schema.StringSchema).Build())
            .Build();

        Assert.Equal(
            """{"type":"record","name":"ConnectDefault","namespace":"io.confluent.connect.avro","fields":[""" +
            """{"name":"a","type":{"type":"record","name":"ConnectDefault2","fields":[{"name":"x","type":"int"}]}},""" +
            """{"name":"b","type":{"type":"record","name":"ConnectDefault3","fields":[{"name":"y","type":"string"}]}}]}""",
            _data.FromConnectSchema(schema));
    }

    [Fact]
    public void NamedStruct_SplitsNamespace_AndCarriesConnectNameAndVersion()
    {
        var schema = SchemaBuilder.Struct().Name("srv.public.customers.Envelope").Version(2).Doc("change event")
            .Field("op", Schema.StringSchema)
            .Build();

        Assert.Equal(
            """{"type":"record","name":"Envelope","namespace":"srv.public.customers","fields":[{"name":"op","type":"string"}]""" +
            ""","connect.doc":"change event","connect.version":2,"connect.name":"srv.public.customers.Envelope"}""",
            _data.FromConnectSchema(schema));
    }

    [Fact]
    public void StructUsedTwice_IsDefinedOnce_ThenReferencedByName()
    {
        var value = SchemaBuilder.Struct().Name("srv.public.t.Value").Optional().Field("id", Schema.Int32Schema).Build();
        var envelope = SchemaBuilder.Struct().Name("srv.public.t.Envelope")
            .Field("before", value)
            .Field("after", value)
            .Build();

        Assert.Equal(
            """{"type":"record","name":"Envelope","namespace":"srv.public.t","fields":[""" +
            """{"name":"before","type":["null",{"type":"record","name":"Value","fields":[{"name":"id","type":"int"}],"connect.name":"srv.public.t.Value"}],"default":null},""" +
            """{"name":"after","type":["null","Value"],"default":null}],"connect.name":"srv.public.t.Envelope"}""",
            _data.FromConnectSchema(envelope));
    }

    [Fact]
    public void Decimal_WithPrecision_HasScalePrecisionParametersAndLogicalType()
    {
        Assert.Equal(
            """{"type":"bytes","scale":2,"precision":10,"connect.version":1,"connect.parameters":{"scale":"2","connect.decimal.precision":"10"}""" +
            ""","connect.name":"org.apache.kafka.connect.data.Decimal","logicalType":"decimal"}""",
            _data.FromConnectSchema(DebeziumData.PreciseDecimal(10, 2).Build()));
    }

    [Fact]
    public void Decimal_WithoutPrecision_UsesPrecision64()
    {
        Assert.Equal(
            """{"type":"bytes","scale":3,"precision":64,"connect.version":1,"connect.parameters":{"scale":"3"}""" +
            ""","connect.name":"org.apache.kafka.connect.data.Decimal","logicalType":"decimal"}""",
            _data.FromConnectSchema(DecimalSchema.Create(3)));
    }

    [Fact]
    public void DateTimeTimestamp_HaveAvroLogicalTypes()
    {
        Assert.Equal(
            """{"type":"int","connect.version":1,"connect.name":"org.apache.kafka.connect.data.Date","logicalType":"date"}""",
            _data.FromConnectSchema(DateSchema.Schema));
        Assert.Equal(
            """{"type":"int","connect.version":1,"connect.name":"org.apache.kafka.connect.data.Time","logicalType":"time-millis"}""",
            _data.FromConnectSchema(TimeSchema.Schema));
        Assert.Equal(
            """{"type":"long","connect.version":1,"connect.name":"org.apache.kafka.connect.data.Timestamp","logicalType":"timestamp-millis"}""",
            _data.FromConnectSchema(TimestampSchema.Schema));
    }

    [Fact]
    public void DebeziumSemanticTypes_StayPrimitivesWithConnectName()
    {
        Assert.Equal(
            """{"type":"long","connect.version":1,"connect.name":"io.debezium.time.MicroTimestamp"}""",
            _data.FromConnectSchema(DebeziumTime.MicroTimestamp().Build()));
        Assert.Equal(
            """["null",{"type":"string","connect.version":1,"connect.name":"io.debezium.data.Json"}]""",
            _data.FromConnectSchema(DebeziumData.Json().Optional().Build()));
        Assert.Equal(
            """{"type":"string","connect.version":1,"connect.parameters":{"allowed":"a,b"},"connect.name":"io.debezium.data.Enum"}""",
            _data.FromConnectSchema(DebeziumData.Enum(["a", "b"]).Build()));
    }

    [Fact]
    public void Maps_WithStringKeys_AreAvroMaps_OtherwiseArraysOfMapEntry()
    {
        Assert.Equal("""{"type":"map","values":"int"}""", _data.FromConnectSchema(SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build()));
        Assert.Equal(
            """{"type":"array","items":{"type":"record","name":"MapEntry","namespace":"io.confluent.connect.avro","fields":""" +
            """[{"name":"key","type":"int"},{"name":"value","type":["null","string"],"default":null}]}}""",
            _data.FromConnectSchema(SchemaBuilder.Map(Schema.Int32Schema, Schema.OptionalStringSchema).Build()));
    }

    [Fact]
    public void Arrays_WrapTheElementSchema()
    {
        Assert.Equal("""{"type":"array","items":["null","string"]}""", _data.FromConnectSchema(SchemaBuilder.Array(Schema.OptionalStringSchema).Build()));
    }

    [Fact]
    public void Defaults_AreWrittenAsFieldDefaultAndConnectDefault_OptionalWithDefaultPutsNullSecond()
    {
        var schema = SchemaBuilder.Struct().Name("d.D")
            .Field("n", SchemaBuilder.Int32().DefaultValue(5).Build())
            .Field("s", SchemaBuilder.String().Optional().DefaultValue("x").Build())
            .Field("f", SchemaBuilder.Float32().DefaultValue(1.5f).Build())
            .Field("b", SchemaBuilder.Bytes().DefaultValue(new byte[] { 0x41, 0xFF }).Build())
            .Build();

        Assert.Equal(
            """{"type":"record","name":"D","namespace":"d","fields":[""" +
            """{"name":"n","type":{"type":"int","connect.default":5},"default":5},""" +
            """{"name":"s","type":[{"type":"string","connect.default":"x"},"null"],"default":"x"},""" +
            """{"name":"f","type":{"type":"float","connect.default":1.5},"default":1.5},""" +
            """{"name":"b","type":{"type":"bytes","connect.default":"Aÿ"},"default":"Aÿ"}],"connect.name":"d.D"}""",
            _data.FromConnectSchema(schema));
    }

    [Fact]
    public void PrimitiveMetadata_DocVersionParameters_InConfluentOrder()
    {
        var schema = SchemaBuilder.String().Doc("d").Version(2).Parameter("p", "v").Build();

        Assert.Equal("""{"type":"string","connect.doc":"d","connect.version":2,"connect.parameters":{"p":"v"}}""", _data.FromConnectSchema(schema));
    }

    [Fact]
    public void ConnectMetaDataFalse_WritesNoConnectProperties()
    {
        var data = new AvroData(new AvroDataConfig { ConnectMetaData = false });
        var schema = SchemaBuilder.Struct().Name("a.b.Value").Version(3).Field("i", Schema.Int8Schema).Field("d", DecimalSchema.Create(2)).Build();

        Assert.Equal(
            """{"type":"record","name":"Value","namespace":"a.b","fields":[{"name":"i","type":"int"},""" +
            """{"name":"d","type":{"type":"bytes","scale":2,"precision":64,"logicalType":"decimal"}}]}""",
            data.FromConnectSchema(schema));
    }

    [Fact]
    public void InvalidNames_AreRejected_OrScrubbedWhenAsked()
    {
        var schema = SchemaBuilder.Struct().Name("org.acme-corp.invalid record-name").Field("invalid field-name", Schema.StringSchema).Build();

        Assert.Throws<DataException>(() => _data.FromConnectSchema(schema));
        var scrubbing = new AvroData(new AvroDataConfig { ScrubInvalidNames = true, ConnectMetaData = false });
        Assert.Equal(
            """{"type":"record","name":"invalid_record_name","namespace":"org.acme_corp","fields":[{"name":"invalid_field_name","type":"string"}]}""",
            scrubbing.FromConnectSchema(schema));
    }

    [Fact]
    public void EnumParameters_BecomeAvroEnum_OnlyWithEnhancedSupport()
    {
        var schema = SchemaBuilder.String()
            .Parameter("io.confluent.connect.avro.Enum", "com.example.Color")
            .Parameter("io.confluent.connect.avro.Enum.RED", "RED")
            .Parameter("io.confluent.connect.avro.Enum.GREEN", "GREEN")
            .Build();
        var enhanced = new AvroData(new AvroDataConfig { EnhancedAvroSchemaSupport = true, ConnectMetaData = false });

        Assert.Equal("""{"type":"enum","name":"Color","namespace":"com.example","symbols":["RED","GREEN"]}""", enhanced.FromConnectSchema(schema));
        Assert.StartsWith("""{"type":"string","connect.parameters":{"io.confluent.connect.avro.Enum":"com.example.Color",""", _data.FromConnectSchema(schema));
    }

    [Fact]
    public void DifferentStructsWithTheSameName_AreRejected()
    {
        var first = SchemaBuilder.Struct().Name("x.Same").Field("a", Schema.Int32Schema).Build();
        var second = SchemaBuilder.Struct().Name("x.Same").Field("b", Schema.Int32Schema).Build();
        var schema = SchemaBuilder.Struct().Name("x.Outer").Field("one", first).Field("two", second).Build();

        var error = Assert.Throws<DataException>(() => _data.FromConnectSchema(schema));
        Assert.Contains("x.Same", error.Message, StringComparison.Ordinal);
    }
}
