using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain.Internal;

namespace Serverless.Connect.Transforms.Tests.Kafka;

/// <summary>Kafka's <c>ValuesTest</c> parsing cases, through the parser behind <c>InsertHeader</c>.</summary>
public sealed class ValueParserTests
{
    [Theory]
    [InlineData("{foo: 3}")]
    [InlineData("{3: foo}")]
    [InlineData("[foo]")]
    [InlineData("null=")]
    [InlineData("true}")]
    [InlineData("false]")]
    [InlineData("{6:9 4:20}")]
    [InlineData("[0 1 2]")]
    [InlineData("{null: 3}")]
    [InlineData("[1, 2, 3,,,]")]
    [InlineData("[1, null]")]
    [InlineData("best-app-ever")]
    [InlineData("2024-01-01 extra")]
    [InlineData("\uFFFF")]
    public void ParseString_Unparseable_StaysTheOriginalString(string text) =>
        Assert.Equal(new SchemaAndValue(Schema.StringSchema, text), ValueParser.ParseString(text));

    [Theory]
    [InlineData(" \t true \n", true)]
    [InlineData("false", false)]
    public void ParseString_BooleansSurroundedByWhitespace(string text, bool expected) =>
        Assert.Equal(new SchemaAndValue(Schema.BooleanSchema, expected), ValueParser.ParseString(text));

    [Fact]
    public void ParseString_NullLiteral_IsNullWithoutSchema() => Assert.Equal(SchemaAndValue.Null, ValueParser.ParseString("  null "));

    [Fact]
    public void ParseString_Empty_IsEmptyString() => Assert.Equal(new SchemaAndValue(Schema.StringSchema, ""), ValueParser.ParseString(""));

    [Theory]
    [InlineData("1", (sbyte)1)]
    [InlineData("-128", (sbyte)-128)]
    [InlineData("1.0", (sbyte)1)]
    [InlineData("1e2", (sbyte)100)]
    [InlineData("0.000", (sbyte)0)]
    [InlineData("+5", (sbyte)5)]
    public void ParseString_SmallWholeNumbers_AreInt8(string text, sbyte expected) =>
        Assert.Equal(new SchemaAndValue(Schema.Int8Schema, expected), ValueParser.ParseString(text));

    [Fact]
    public void ParseString_NumbersTakeTheNarrowestIntegerType()
    {
        Assert.Equal(new SchemaAndValue(Schema.Int16Schema, (short)1234), ValueParser.ParseString("1234"));
        Assert.Equal(new SchemaAndValue(Schema.Int32Schema, 1234567890), ValueParser.ParseString("1234567890"));
        Assert.Equal(new SchemaAndValue(Schema.Int64Schema, -9753186420L), ValueParser.ParseString("-9753186420"));
        Assert.Equal(new SchemaAndValue(Schema.Int64Schema, long.MaxValue), ValueParser.ParseString("9223372036854775807"));
    }

    [Fact]
    public void ParseString_FractionsAreFloat32_ThenFloat64()
    {
        Assert.Equal(new SchemaAndValue(Schema.Float32Schema, 1.5f), ValueParser.ParseString("1.5"));
        Assert.Equal(new SchemaAndValue(Schema.Float32Schema, 0.1f), ValueParser.ParseString("0.1"));
        Assert.Equal(new SchemaAndValue(Schema.Float64Schema, 1e300), ValueParser.ParseString("1.0e300"));
    }

    [Fact]
    public void ParseString_IntegersBeyondLong_AreDecimal()
    {
        var parsed = ValueParser.ParseString("12345678901234567890");
        Assert.Equal(DecimalSchema.Create(0), parsed.Schema);
        Assert.Equal(ConnectDecimal.Parse("12345678901234567890"), parsed.Value);
    }

    [Fact]
    public void ParseString_HugeExponent_IsParsedWithoutExpanding()
    {
        // KAFKA-17792: such literals used to expand into gigantic integers.
        var parsed = ValueParser.ParseString("1e400000000");
        Assert.Equal(DecimalSchema.Create(-400000000), parsed.Schema);
    }

    [Fact]
    public void ParseString_TrailingTokensAfterANumber_AreIgnoredAsInKafka() =>
        Assert.Equal(new SchemaAndValue(Schema.Int8Schema, (sbyte)12), ValueParser.ParseString("12:34"));

    [Fact]
    public void ParseString_Temporals()
    {
        Assert.Equal(new SchemaAndValue(TimestampSchema.Schema, DateTimeOffset.Parse("2019-08-23T14:34:54.346Z", System.Globalization.CultureInfo.InvariantCulture)),
            ValueParser.ParseString("2019-08-23T14:34:54.346Z"));
        Assert.Equal(new SchemaAndValue(DateSchema.Schema, new DateOnly(2019, 8, 23)), ValueParser.ParseString("2019-08-23"));
        Assert.Equal(new SchemaAndValue(TimeSchema.Schema, new TimeOnly(14, 34, 54, 346)), ValueParser.ParseString("14:34:54.346Z"));
        Assert.Equal(new SchemaAndValue(TimeSchema.Schema, new TimeOnly(14, 34, 54, 346)), ValueParser.ParseString("14\\:34\\:54.346Z"));
        Assert.Equal(new SchemaAndValue(TimestampSchema.Schema, DateTimeOffset.Parse("2019-08-23T14:34:54.346Z", System.Globalization.CultureInfo.InvariantCulture)),
            ValueParser.ParseString("2019-08-23T14\\:34\\:54.346Z"));
    }

    [Fact]
    public void ParseString_TemporalsInArrays()
    {
        var parsed = ValueParser.ParseString("[14:34:54.346Z]");
        Assert.Equal(SchemaBuilder.Array(TimeSchema.Schema).Build(), parsed.Schema);
        Assert.Equal(new object[] { new TimeOnly(14, 34, 54, 346) }, parsed.Value);
        var quoted = ValueParser.ParseString("[\"2019-08-23\"]");
        Assert.Equal(SchemaBuilder.Array(DateSchema.Schema).Build(), quoted.Schema);
    }

    [Fact]
    public void ParseString_ArraysAndMapsOfBooleans()
    {
        var array = ValueParser.ParseString("[true, false]");
        Assert.Equal(SchemaBuilder.Array(Schema.BooleanSchema).Build(), array.Schema);
        Assert.Equal(new object[] { true, false }, array.Value);
        var map = ValueParser.ParseString("{true: false, false: true}");
        Assert.Equal(SchemaBuilder.Map(Schema.BooleanSchema, Schema.BooleanSchema).Build(), map.Schema);
        Assert.Equal(ConnectMap.Create([new(true, false), new(false, true)]), map.Value);
    }

    [Fact]
    public void ParseString_EmptyArrayAndMap_HaveNoElementSchema()
    {
        Assert.Equal(new SchemaAndValue(null, Array.Empty<object?>()), ValueParser.ParseString("[]"));
        Assert.Equal(new SchemaAndValue(null, ConnectMap.Empty), ValueParser.ParseString("{}"));
    }

    [Fact]
    public void ParseString_MixedArray_HasNoElementSchema()
    {
        var parsed = ValueParser.ParseString("[1, 2, 3, \"four\"]");
        Assert.Null(parsed.Schema);
        Assert.Equal(new object[] { (sbyte)1, (sbyte)2, (sbyte)3, "four" }, parsed.Value);
    }

    [Fact]
    public void ParseString_NumericArray_WidensToLargestType()
    {
        var parsed = ValueParser.ParseString("[1, 2, 32768]");
        Assert.Equal(SchemaBuilder.Array(Schema.Int32Schema).Build(), parsed.Schema);
        Assert.Equal(new object[] { 1, 2, 32768 }, parsed.Value);
        var floats = ValueParser.ParseString("[1, 2.5]");
        Assert.Equal(new object[] { 1f, 2.5f }, floats.Value);
    }

    [Fact]
    public void ParseString_MapsWithStringKeys()
    {
        var schema = SchemaBuilder.Map(Schema.StringSchema, Schema.StringSchema).Build();
        var expected = ConnectMap.Create([new("foo", "123"), new("bar", "baz")]);
        Assert.Equal(new SchemaAndValue(schema, expected), ValueParser.ParseString("{\"foo\":\"123\",\"bar\":\"baz\"}"));
        Assert.Equal(new SchemaAndValue(schema, expected), ValueParser.ParseString("{ \"foo\" : \"123\", \n\"bar\" : \"baz\" } "));
        var shorts = ValueParser.ParseString(" { \"foo\" :  12345 , \"bar\" : 0,  \"baz\" : -4321 }  ");
        Assert.Equal(SchemaBuilder.Map(Schema.StringSchema, Schema.Int16Schema).Build(), shorts.Schema);
        Assert.Equal(ConnectMap.Create([new("foo", (short)12345), new("bar", (short)0), new("baz", (short)-4321)]), shorts.Value);
    }

    [Fact]
    public void ParseString_NullMapValuesAndArrayElements_HaveNoValueSchema()
    {
        Assert.Equal(new SchemaAndValue(null, ConnectMap.Create([new((sbyte)3, null)])), ValueParser.ParseString("{3: null}"));
        Assert.Equal(new SchemaAndValue(null, new object?[] { null }), ValueParser.ParseString("[null]"));
    }

    [Fact]
    public void ParseString_QuotedStringsKeepEscapes() =>
        Assert.Equal(new object[] { "a\\\"b", "c,d" }, ValueParser.ParseString("[\"a\\\"b\", \"c,d\"]").Value);

    [Fact]
    public void ParseString_NestedArrays()
    {
        var parsed = ValueParser.ParseString("[[1, 2], [3]]");
        Assert.Equal(SchemaBuilder.Array(SchemaBuilder.Array(Schema.Int8Schema).Build()).Build(), parsed.Schema);
    }
}
