using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class JsonConverterSchemalessTests
{
    private readonly Serverless.Connect.Converters.JsonConverter _converter = Converters.Json(schemas: false);

    [Fact]
    public void IntegralNumbers_BecomeInt64_OthersFloat64()
    {
        Assert.Equal(12L, _converter.Read("12").Value);
        Assert.Equal(-12L, _converter.Read("-12").Value);
        Assert.Equal(12.0, _converter.Read("12.0").Value);
        Assert.Equal(100.0, _converter.Read("1e2").Value);
        Assert.Equal(12.24, _converter.Read("12.24").Value);
        Assert.Equal(-6101065172474983726L, _converter.Read("12345678901234567890").Value);
    }

    [Fact]
    public void Objects_BecomeOrderedMapsWithStringKeys()
    {
        var map = Assert.IsType<ConnectMap>(_converter.Read("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{\"d\":1.5}}").Value);

        Assert.Equal(["b", "a", "c"], map.Keys);
        Assert.Equal(new object?[] { true, null, "x" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["a"]));
        Assert.Equal(1.5, Assert.IsAssignableFrom<IReadOnlyDictionary<object, object?>>(map["c"])["d"]);
        Assert.Null(_converter.Read("null").Value);
        Assert.Null(_converter.Read("null").Schema);
    }

    [Fact]
    public void DuplicateKeys_LastWins()
    {
        var map = Assert.IsType<ConnectMap>(_converter.Read("{\"a\":1,\"b\":0,\"a\":2}").Value);
        Assert.Equal(2L, map["a"]);
        Assert.Equal(["a", "b"], map.Keys);
    }

    [Fact]
    public void EscapedKeysAndStrings_AreUnescaped()
    {
        var map = Assert.IsType<ConnectMap>(_converter.Read("{\"a\\u0062\":\"\\u00e9\\n\"}").Value);
        Assert.Equal("é\n", map["ab"]);
    }

    [Fact]
    public void LargeObjects_AreIndexed_AndRepeatedReadsAgree()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}")) + "}";
        var first = Assert.IsType<ConnectMap>(_converter.Read(json).Value);
        var second = Assert.IsType<ConnectMap>(_converter.Read(json).Value);

        Assert.Equal(40, first.Count);
        Assert.Equal(39L, first["k39"]);
        Assert.False(first.ContainsKey("k40"));
        Assert.Equal(second.Keys, first.Keys);
    }

    [Fact]
    public void InvalidUtf8_IsASerializationError()
    {
        var e = Assert.Throws<DataException>(() => _converter.ToConnectData("t", [(byte)'"', 0xFF, (byte)'"']));
        Assert.StartsWith("Converting byte[] to Kafka Connect data failed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedRead_DoesNotCorruptLaterReads()
    {
        Assert.Throws<DataException>(() => _converter.Read("{\"a\":[1,2,{\"b\":tru"));
        Assert.Equal(new SchemaAndValue(null, ConnectMap.Create([new("x", new object?[] { 1L })])), _converter.Read("{\"x\":[1]}"));
    }

    [Fact]
    public void EmptyInput_IsNull() => Assert.Equal(SchemaAndValue.Null, _converter.Read(string.Empty));

    [Fact]
    public void TrailingContent_IsIgnoredLikeJackson() => Assert.Equal(1L, _converter.Read("1 2").Value);

    [Fact]
    public void WritesSchemalessValues_InferringTypes()
    {
        var value = new Dictionary<object, object?>
        {
            ["i"] = 1,
            ["l"] = 2L,
            ["f"] = 1.5f,
            ["d"] = 2.0,
            ["b"] = true,
            ["s"] = "x",
            ["bytes"] = new byte[] { 1 },
            ["list"] = new List<object?> { 1L, null },
            ["nested"] = new Dictionary<string, object?> { ["k"] = (short)3 },
        };

        Assert.Equal(
            "{\"i\":1,\"l\":2,\"f\":1.5,\"d\":2.0,\"b\":true,\"s\":\"x\",\"bytes\":\"AQ==\",\"list\":[1,null],\"nested\":{\"k\":3}}",
            _converter.Write(null, value));
    }

    [Fact]
    public void SchemalessMap_WithNonStringKeys_IsWrittenAsPairs() =>
        Assert.Equal("[[1,\"a\"],[\"b\",2]]", _converter.Write(null, new Dictionary<object, object?> { [1L] = "a", ["b"] = 2L }));

    [Fact]
    public void SchemalessStruct_IsRejected()
    {
        var schema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();
        var e = Assert.Throws<DataException>(() => _converter.Write(null, new StructBuilder(schema).Put("a", 1).Build()));
        Assert.Equal("Mismatching schema.", e.Message);
    }

    [Fact]
    public void UnsupportedType_IsRejected()
    {
        var e = Assert.Throws<DataException>(() => _converter.Write(null, Guid.Empty));
        Assert.Equal(".NET type System.Guid does not have corresponding schema type.", e.Message);
    }

    [Fact]
    public void ValueOfWrongTypeForSchema_IsRejected()
    {
        var e = Assert.Throws<DataException>(() => _converter.Write(Schema.Int32Schema, 1L));
        Assert.Equal("Invalid type for INT32: System.Int64", e.Message);
    }

    [Fact]
    public void StructWithOtherSchema_IsRejected()
    {
        var a = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();
        var b = SchemaBuilder.Struct().Field("b", Schema.Int32Schema).Build();

        Assert.Throws<DataException>(() => _converter.Write(a, new StructBuilder(b).Put("b", 1).Build()));
    }
}
