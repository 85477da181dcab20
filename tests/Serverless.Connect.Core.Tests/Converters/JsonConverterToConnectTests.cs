using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

// Cases from Kafka's JsonConverterTest (toConnect direction).
public sealed class JsonConverterToConnectTests
{
    private readonly Serverless.Connect.Converters.JsonConverter _converter = Converters.Json();

    [Fact]
    public void SchemaMetadata_IsTranslated()
    {
        Assert.Equal(new SchemaAndValue(Schema.BooleanSchema, true), _converter.Read("{ \"schema\": { \"type\": \"boolean\" }, \"payload\": true }"));
        Assert.Equal(
            new SchemaAndValue(Schema.OptionalBooleanSchema, null),
            _converter.Read("{ \"schema\": { \"type\": \"boolean\", \"optional\": true }, \"payload\": null }"));
        Assert.Equal(
            new SchemaAndValue(SchemaBuilder.Bool().DefaultValue(true).Build(), true),
            _converter.Read("{ \"schema\": { \"type\": \"boolean\", \"default\": true }, \"payload\": null }"));
        Assert.Equal(
            new SchemaAndValue(SchemaBuilder.Bool().Required().Name("bool").Version(2).Doc("the documentation").Parameter("foo", "bar").Build(), true),
            _converter.Read("{ \"schema\": { \"type\": \"boolean\", \"optional\": false, \"name\": \"bool\", \"version\": 2, " +
                "\"doc\": \"the documentation\", \"parameters\": { \"foo\": \"bar\" }}, \"payload\": true }"));
    }

    [Fact]
    public void Primitives_ToConnect()
    {
        Assert.Equal(new SchemaAndValue(Schema.Int8Schema, (sbyte)12), _converter.Read("{ \"schema\": { \"type\": \"int8\" }, \"payload\": 12 }"));
        Assert.Equal(new SchemaAndValue(Schema.Int16Schema, (short)12), _converter.Read("{ \"schema\": { \"type\": \"int16\" }, \"payload\": 12 }"));
        Assert.Equal(new SchemaAndValue(Schema.Int32Schema, 12), _converter.Read("{ \"schema\": { \"type\": \"int32\" }, \"payload\": 12 }"));
        Assert.Equal(new SchemaAndValue(Schema.Int64Schema, 4398046511104L), _converter.Read("{ \"schema\": { \"type\": \"int64\" }, \"payload\": 4398046511104 }"));
        Assert.Equal(new SchemaAndValue(Schema.Float32Schema, 12.34f), _converter.Read("{ \"schema\": { \"type\": \"float\" }, \"payload\": 12.34 }"));
        Assert.Equal(new SchemaAndValue(Schema.Float64Schema, 12.34), _converter.Read("{ \"schema\": { \"type\": \"double\" }, \"payload\": 12.34 }"));
        Assert.Equal(new SchemaAndValue(Schema.StringSchema, "foo-bar-baz"), _converter.Read("{ \"schema\": { \"type\": \"string\" }, \"payload\": \"foo-bar-baz\" }"));
        Assert.Equal(
            new SchemaAndValue(Schema.BytesSchema, "test-string"u8.ToArray()),
            _converter.Read("{ \"schema\": { \"type\": \"bytes\" }, \"payload\": \"dGVzdC1zdHJpbmc=\" }"));
    }

    [Fact]
    public void Numbers_AreCoercedLikeJackson()
    {
        Assert.Equal(12, _converter.Read("{ \"schema\": { \"type\": \"int32\" }, \"payload\": 12.9 }").Value);
        Assert.Equal((sbyte)44, _converter.Read("{ \"schema\": { \"type\": \"int8\" }, \"payload\": 300 }").Value);
        Assert.Equal(1.0, _converter.Read("{ \"schema\": { \"type\": \"double\" }, \"payload\": 1 }").Value);
    }

    [Fact]
    public void ArrayMapStruct_ToConnect()
    {
        Assert.Equal(
            new SchemaAndValue(SchemaBuilder.Array(Schema.Int32Schema).Build(), new List<object?> { 1, 2, 3 }),
            _converter.Read("{ \"schema\": { \"type\": \"array\", \"items\": { \"type\" : \"int32\" } }, \"payload\": [1, 2, 3] }"));
        Assert.Equal(
            new SchemaAndValue(SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build(), new Dictionary<object, object?> { ["key1"] = 12, ["key2"] = 15 }),
            _converter.Read("{ \"schema\": { \"type\": \"map\", \"keys\": { \"type\" : \"string\" }, \"values\": { \"type\" : \"int32\" } }, " +
                "\"payload\": { \"key1\": 12, \"key2\": 15} }"));
        Assert.Equal(
            new SchemaAndValue(SchemaBuilder.Map(Schema.Int32Schema, Schema.Int32Schema).Build(), new Dictionary<object, object?> { [1] = 12, [2] = 15 }),
            _converter.Read("{ \"schema\": { \"type\": \"map\", \"keys\": { \"type\" : \"int32\" }, \"values\": { \"type\" : \"int32\" } }, " +
                "\"payload\": [ [1, 12], [2, 15] ] }"));

        var structSchema = SchemaBuilder.Struct().Field("field1", Schema.BooleanSchema).Field("field2", Schema.StringSchema).Build();
        Assert.Equal(
            new SchemaAndValue(structSchema, new StructBuilder(structSchema).Put("field1", true).Put("field2", "string").Build()),
            _converter.Read("{ \"schema\": { \"type\": \"struct\", \"fields\": [{ \"field\": \"field1\", \"type\": \"boolean\" }, " +
                "{ \"field\": \"field2\", \"type\": \"string\" }] }, \"payload\": { \"field1\": true, \"field2\": \"string\" } }"));
    }

    [Fact]
    public void Struct_FieldsInAnyOrder_ExtraFieldsIgnored_MissingFieldsDefaulted()
    {
        var converted = _converter.Read(
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"},{\"field\":\"b\",\"type\":\"string\",\"optional\":true}," +
            "{\"field\":\"c\",\"type\":\"int32\",\"default\":7}]},\"payload\":{\"extra\":{\"x\":[1]},\"b\":\"x\",\"a\":1}}");
        var value = Assert.IsType<Struct>(converted.Value);

        Assert.Equal(1, value.Get("a"));
        Assert.Equal("x", value.Get("b"));
        Assert.Equal(7, value.Get("c"));
    }

    [Fact]
    public void Struct_MissingRequiredField_Throws()
    {
        var e = Assert.Throws<DataException>(() =>
            _converter.Read("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]},\"payload\":{}}"));
        Assert.Equal("Invalid null value for required INT32 field \"a\"", e.Message);
    }

    [Fact]
    public void LogicalTypes_ToConnect()
    {
        Assert.Equal(
            new SchemaAndValue(DecimalSchema.Create(2), new ConnectDecimal(156, 2)),
            _converter.Read("{ \"schema\": { \"type\": \"bytes\", \"name\": \"org.apache.kafka.connect.data.Decimal\", \"version\": 1, " +
                "\"parameters\": { \"scale\": \"2\" } }, \"payload\": \"AJw=\" }"));
        Assert.Equal(
            new SchemaAndValue(DateSchema.Schema, new DateOnly(1997, 5, 19)),
            _converter.Read("{ \"schema\": { \"type\": \"int32\", \"name\": \"org.apache.kafka.connect.data.Date\", \"version\": 1 }, \"payload\": 10000 }"));
        Assert.Equal(
            new SchemaAndValue(TimeSchema.Schema, new TimeOnly(4, 0)),
            _converter.Read("{ \"schema\": { \"type\": \"int32\", \"name\": \"org.apache.kafka.connect.data.Time\", \"version\": 1 }, \"payload\": 14400000 }"));
        Assert.Equal(
            new SchemaAndValue(TimestampSchema.Schema, DateTimeOffset.FromUnixTimeMilliseconds(4000000000)),
            _converter.Read("{ \"schema\": { \"type\": \"int64\", \"name\": \"org.apache.kafka.connect.data.Timestamp\", \"version\": 1 }, \"payload\": 4000000000 }"));
    }

    [Fact]
    public void Decimal_AcceptsNumericPayload_KeepingItsScale()
    {
        var converted = _converter.Read(
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,\"parameters\":{\"scale\":\"2\"}},\"payload\":1.5}");

        Assert.Equal(new ConnectDecimal(15, 1), converted.Value);
    }

    [Fact]
    public void LogicalType_WrongRepresentation_Throws()
    {
        var e = Assert.Throws<DataException>(() =>
            _converter.Read("{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},\"payload\":\"x\"}"));
        Assert.Equal("Invalid type for Date, underlying representation should be integer but was STRING", e.Message);
    }

    [Fact]
    public void NullSchema_Payloads_AreSchemaless()
    {
        Assert.Equal(SchemaAndValue.Null, _converter.Read("{ \"schema\": null, \"payload\": null }"));
        Assert.Equal(new SchemaAndValue(null, true), _converter.Read("{ \"schema\": null, \"payload\": true }"));
        Assert.Equal(new SchemaAndValue(null, 12L), _converter.Read("{ \"schema\": null, \"payload\": 12 }"));
        Assert.Equal(new SchemaAndValue(null, 12.24), _converter.Read("{ \"schema\": null, \"payload\": 12.24 }"));
        Assert.Equal(new SchemaAndValue(null, "a string"), _converter.Read("{ \"schema\": null, \"payload\": \"a string\" }"));
        Assert.Equal(new SchemaAndValue(null, new List<object?> { 1L, "2", 3L }), _converter.Read("{ \"schema\": null, \"payload\": [1, \"2\", 3] }"));
        Assert.Equal(
            new SchemaAndValue(null, new Dictionary<object, object?> { ["field1"] = 1L, ["field2"] = 2L }),
            _converter.Read("{ \"schema\": null, \"payload\": { \"field1\": 1, \"field2\": 2} }"));
    }

    [Fact]
    public void PayloadBeforeSchema_IsSupported()
    {
        Assert.Equal(new SchemaAndValue(Schema.Int32Schema, 5), _converter.Read("{\"payload\":5,\"schema\":{\"type\":\"int32\"}}"));
    }

    [Theory]
    [InlineData("{\"payload\":1}")]
    [InlineData("{\"schema\":null}")]
    [InlineData("{\"schema\":null,\"payload\":1,\"extra\":2}")]
    [InlineData("[1,2]")]
    [InlineData("12")]
    [InlineData("")]
    public void SchemasEnabled_RequiresExactEnvelope(string json)
    {
        var e = Assert.Throws<DataException>(() => _converter.Read(json));
        Assert.StartsWith("JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":{},\"payload\":1}", "Schema must contain 'type' field")]
    [InlineData("{\"schema\":{\"type\":\"nope\"},\"payload\":1}", "Unknown schema type: nope")]
    [InlineData("{\"schema\":{\"type\":\"array\"},\"payload\":[]}", "Array schema did not specify the element type")]
    [InlineData("{\"schema\":{\"type\":\"map\",\"values\":{\"type\":\"int32\"}},\"payload\":{}}", "Map schema did not specify the key type")]
    [InlineData("{\"schema\":{\"type\":\"struct\"},\"payload\":{}}", "Struct schema's \"fields\" argument is not an array.")]
    [InlineData("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\"}]},\"payload\":{}}", "Struct schema's field name not specified properly")]
    [InlineData("{\"schema\":{\"type\":\"int32\",\"parameters\":{\"a\":1}},\"payload\":1}", "Schema parameters must have string values.")]
    [InlineData("{\"schema\":{\"type\":\"int32\"},\"payload\":null}", "Invalid null value for required INT32 field")]
    [InlineData("{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}},\"payload\":[]}",
        "Maps with string fields should be encoded as JSON objects, but found ARRAY")]
    [InlineData("{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":{}}",
        "Maps with non-string fields should be encoded as JSON array of tuples, but found OBJECT")]
    [InlineData("{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[1]]}",
        "Found invalid map entry, expected length 2 but found :1")]
    [InlineData("{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":[]}", "Structs should be encoded as JSON objects, but found ARRAY")]
    public void InvalidSchemaOrPayload_ThrowsKafkasMessage(string json, string message) =>
        Assert.Equal(message, Assert.Throws<DataException>(() => _converter.Read(json)).Message);

    [Theory]
    [InlineData("{")]
    [InlineData("{\"schema\":null,\"payload\":tru}")]
    [InlineData("{\"schema\":null,\"payload\":1,}")]
    [InlineData("{\"schema\":null,/*c*/\"payload\":1}")]
    public void MalformedJson_ThrowsSerializationError(string json)
    {
        var e = Assert.Throws<DataException>(() => _converter.Read(json));
        Assert.StartsWith("Converting byte[] to Kafka Connect data failed due to serialization error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaParse_IsCachedByJson()
    {
        var converter = Converters.Json();
        converter.Read("{ \"schema\": { \"type\": \"boolean\" }, \"payload\": true }");
        converter.Read("{ \"schema\": { \"type\": \"boolean\" }, \"payload\": false }");
        converter.Read("{ \"schema\": { \"type\": \"int32\" }, \"payload\": 1 }");

        Assert.Equal(2, converter.ToConnectCacheCount);
    }
}
