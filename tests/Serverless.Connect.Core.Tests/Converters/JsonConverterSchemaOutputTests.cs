using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Core.Tests.Converters;

// Exact bytes Kafka's JsonConverter (Jackson) writes for representative schemas.
public sealed class JsonConverterSchemaOutputTests
{
    private readonly Serverless.Connect.Converters.JsonConverter _converter = Converters.Json();

    [Fact]
    public void Primitive_WithMetadata()
    {
        var schema = SchemaBuilder.Bool().Required().Name("bool").Version(3).Doc("the documentation").Parameter("foo", "bar").Build();

        Assert.Equal(
            "{\"schema\":{\"type\":\"boolean\",\"optional\":false,\"name\":\"bool\",\"version\":3,\"doc\":\"the documentation\"," +
            "\"parameters\":{\"foo\":\"bar\"}},\"payload\":true}",
            _converter.Write(schema, true));
    }

    [Fact]
    public void Default_IsWrittenLast()
    {
        Assert.Equal(
            "{\"schema\":{\"type\":\"boolean\",\"optional\":false,\"default\":true},\"payload\":true}",
            _converter.Write(SchemaBuilder.Bool().DefaultValue(true).Build(), true));
    }

    [Theory]
    [InlineData(SchemaType.Int8, "int8")]
    [InlineData(SchemaType.Int16, "int16")]
    [InlineData(SchemaType.Int32, "int32")]
    [InlineData(SchemaType.Int64, "int64")]
    [InlineData(SchemaType.Float32, "float")]
    [InlineData(SchemaType.Float64, "double")]
    [InlineData(SchemaType.Boolean, "boolean")]
    [InlineData(SchemaType.String, "string")]
    [InlineData(SchemaType.Bytes, "bytes")]
    public void PrimitiveTypeNames(SchemaType type, string name) =>
        Assert.Equal(
            $"{{\"schema\":{{\"type\":\"{name}\",\"optional\":true}},\"payload\":null}}",
            _converter.Write(SchemaBuilder.OfType(type).Optional().Build(), null));

    [Fact]
    public void Struct_WithOptionalDefaultNameVersionDocParameters()
    {
        var schema = SchemaBuilder.Struct().Name("com.example.Person").Version(2).Doc("A person").Parameter("p", "v")
            .Field("name", Schema.StringSchema)
            .Field("age", SchemaBuilder.Int32().Optional().DefaultValue(18))
            .Field("tags", SchemaBuilder.Array(Schema.StringSchema).Optional())
            .Build();
        var value = new StructBuilder(schema).Put("name", "Ann").Build();

        Assert.Equal(
            "{\"schema\":{\"type\":\"struct\",\"fields\":[" +
            "{\"type\":\"string\",\"optional\":false,\"field\":\"name\"}," +
            "{\"type\":\"int32\",\"optional\":true,\"default\":18,\"field\":\"age\"}," +
            "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"optional\":false},\"optional\":true,\"field\":\"tags\"}]," +
            "\"optional\":false,\"name\":\"com.example.Person\",\"version\":2,\"doc\":\"A person\",\"parameters\":{\"p\":\"v\"}}," +
            "\"payload\":{\"name\":\"Ann\",\"age\":18,\"tags\":null}}",
            _converter.Write(schema, value));
    }

    [Fact]
    public void Array()
    {
        Assert.Equal(
            "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\",\"optional\":false},\"optional\":false},\"payload\":[1,2,3]}",
            _converter.Write(SchemaBuilder.Array(Schema.Int32Schema).Build(), new List<object?> { 1, 2, 3 }));
    }

    [Fact]
    public void Map_WithStringKeys_IsAnObject()
    {
        var value = new Dictionary<object, object?> { ["key1"] = 12, ["key2"] = 15 };

        Assert.Equal(
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"string\",\"optional\":false},\"values\":{\"type\":\"int32\",\"optional\":false}," +
            "\"optional\":false},\"payload\":{\"key1\":12,\"key2\":15}}",
            _converter.Write(SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build(), value));
    }

    [Fact]
    public void Map_WithNonStringKeys_IsAnArrayOfPairs()
    {
        var value = new Dictionary<object, object?> { [1] = 12, [2] = 15 };

        Assert.Equal(
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":false},\"values\":{\"type\":\"int32\",\"optional\":false}," +
            "\"optional\":false},\"payload\":[[1,12],[2,15]]}",
            _converter.Write(SchemaBuilder.Map(Schema.Int32Schema, Schema.Int32Schema).Build(), value));
    }

    [Fact]
    public void Decimal_Base64()
    {
        Assert.Equal(
            "{\"schema\":{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1," +
            "\"parameters\":{\"scale\":\"2\"}},\"payload\":\"AJw=\"}",
            _converter.Write(DecimalSchema.Create(2), new ConnectDecimal(156, 2)));
        Assert.EndsWith("\"payload\":\"/2Q=\"}", _converter.Write(DecimalSchema.Create(2), new ConnectDecimal(-156, 2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_Numeric()
    {
        var numeric = Converters.Json(decimalFormat: "numeric");

        Assert.Equal(
            "{\"schema\":{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1," +
            "\"parameters\":{\"scale\":\"2\"}},\"payload\":1.56}",
            numeric.Write(DecimalSchema.Create(2), new ConnectDecimal(156, 2)));
        Assert.Equal("1.50", Converters.Json(false, "NUMERIC").Write(DecimalSchema.Create(2), new ConnectDecimal(150, 2)));
        Assert.Equal("1E-10", Converters.Json(false, "NUMERIC").Write(DecimalSchema.Create(10), new ConnectDecimal(1, 10)));
    }

    [Fact]
    public void Decimal_DefaultInSchema_UsesDecimalFormat()
    {
        var schema = DecimalSchema.Builder(2).Optional().DefaultValue(new ConnectDecimal(100, 2)).Build();

        Assert.Contains("\"default\":\"ZA==\"", _converter.Write(schema, null), StringComparison.Ordinal);
        Assert.Contains("\"default\":1.00", Converters.Json(decimalFormat: "NUMERIC").Write(schema, null), StringComparison.Ordinal);
    }

    [Fact]
    public void DateTimeTimestamp_LogicalTypes()
    {
        Assert.Equal(
            "{\"schema\":{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Date\",\"version\":1},\"payload\":10000}",
            _converter.Write(DateSchema.Schema, new DateOnly(1997, 5, 19)));
        Assert.Equal(
            "{\"schema\":{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Time\",\"version\":1},\"payload\":14400000}",
            _converter.Write(TimeSchema.Schema, new TimeOnly(4, 0)));
        Assert.Equal(
            "{\"schema\":{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1},\"payload\":4000000000}",
            _converter.Write(TimestampSchema.Schema, DateTimeOffset.FromUnixTimeMilliseconds(4000000000)));
    }

    [Fact]
    public void DebeziumKey_MatchesReferenceExample()
    {
        var schema = SchemaBuilder.Struct().Name("srv.public.customers.Key").Field("id", Schema.Int32Schema).Build();

        Assert.Equal(
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"id\"}],\"optional\":false," +
            "\"name\":\"srv.public.customers.Key\"},\"payload\":{\"id\":1}}",
            _converter.Write(schema, new StructBuilder(schema).Put("id", 1).Build()));
    }

    [Fact]
    public void DebeziumFieldSchemas_MatchReferenceExamples()
    {
        var schema = SchemaBuilder.Struct()
            .Field("created_at", DebeziumTime.MicroTimestamp())
            .Field("price", DebeziumData.PreciseDecimal(10, 2).Optional())
            .Build();

        var json = System.Text.Encoding.UTF8.GetString(_converter.SchemaToJson(schema).Span);

        Assert.Contains(
            "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.MicroTimestamp\",\"version\":1,\"field\":\"created_at\"}",
            json, StringComparison.Ordinal);
        Assert.Contains(
            "{\"type\":\"bytes\",\"optional\":true,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1," +
            "\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"},\"field\":\"price\"}",
            json, StringComparison.Ordinal);
    }

    [Fact]
    public void StringEscaping_MatchesJackson()
    {
        var converter = Converters.Json(schemas: false);

        Assert.Equal("\"a\\\"b\\\\c/\"", converter.Write(Schema.StringSchema, "a\"b\\c/"));
        Assert.Equal("\"\\b\\t\\n\\f\\r\\u0000\\u001F\\u000B\"", converter.Write(Schema.StringSchema, "\b\t\n\f\r\0\u001f\u000b"));
        Assert.Equal("\"é€😀<>&'\u007f\u2028\"", converter.Write(Schema.StringSchema, "é€😀<>&'\u007f\u2028"));
    }

    [Fact]
    public void SchemaJson_IsCachedPerSchema()
    {
        var converter = Converters.Json();
        var schema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();
        var equal = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();

        converter.Write(schema, new StructBuilder(schema).Put("a", 1).Build());
        converter.Write(equal, new StructBuilder(equal).Put("a", 1).Build());

        Assert.Equal(1, converter.FromConnectCacheCount);
    }
}
