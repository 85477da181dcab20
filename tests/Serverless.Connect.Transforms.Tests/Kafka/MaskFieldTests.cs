using System.Numerics;
using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class MaskFieldTests
{
    private static readonly Schema FullSchema = SchemaBuilder.Struct()
        .Field("magic", Schema.Int32Schema).Field("bool", Schema.BooleanSchema).Field("byte", Schema.Int8Schema)
        .Field("short", Schema.Int16Schema).Field("int", Schema.Int32Schema).Field("long", Schema.Int64Schema)
        .Field("float", Schema.Float32Schema).Field("double", Schema.Float64Schema).Field("string", Schema.StringSchema)
        .Field("date", DateSchema.Schema).Field("time", TimeSchema.Schema).Field("timestamp", TimestampSchema.Schema)
        .Field("decimal", DecimalSchema.Create(0)).Field("array", SchemaBuilder.Array(Schema.Int32Schema).Build())
        .Field("map", SchemaBuilder.Map(Schema.StringSchema, Schema.StringSchema).Build())
        .Build();

    private static readonly Struct FullStruct = new StructBuilder(FullSchema)
        .Put("magic", 42).Put("bool", true).Put("byte", (sbyte)42).Put("short", (short)42).Put("int", 42).Put("long", 42L)
        .Put("float", 42f).Put("double", 42d).Put("string", "hmm").Put("date", new DateOnly(2024, 5, 1))
        .Put("time", new TimeOnly(12, 30)).Put("timestamp", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000))
        .Put("decimal", ConnectDecimal.Parse("42")).Put("array", new object?[] { 1, 2, 3 }).Put("map", Map(("what", "what")))
        .Build();

    private static Dictionary<object, object?> Values() => MutableMap(
        ("magic", 42), ("bool", true), ("byte", (sbyte)42), ("short", (short)42), ("int", 42), ("long", 42L), ("float", 42f),
        ("double", 42d), ("string", "55.121.20.20"), ("date", DateTimeOffset.UtcNow), ("bigint", new BigInteger(42)),
        ("bigdec", ConnectDecimal.Parse("42.0")), ("list", new List<object?> { 42 }), ("map", Map(("key", "value"))));

    [Fact]
    public void Schemaless_MasksWithEmptyValues()
    {
        var fields = string.Join(",", Values().Keys.Cast<string>().Where(k => k != "magic"));
        var result = AsMap(Configured<MaskField.Value>(("fields", fields)).ApplyUnmutated(SinkRecord(null, null, null, Values()))!.Value);

        Assert.Equal(42, result["magic"]);
        Assert.Equal(false, result["bool"]);
        Assert.Equal((sbyte)0, result["byte"]);
        Assert.Equal((short)0, result["short"]);
        Assert.Equal(0, result["int"]);
        Assert.Equal(0L, result["long"]);
        Assert.Equal(0f, result["float"]);
        Assert.Equal(0d, result["double"]);
        Assert.Equal(string.Empty, result["string"]);
        Assert.Equal(DateTimeOffset.UnixEpoch, result["date"]);
        Assert.Equal(BigInteger.Zero, result["bigint"]);
        Assert.Equal(new ConnectDecimal(BigInteger.Zero, 0), result["bigdec"]);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(result["list"]));
        Assert.Empty(AsMap(result["map"]));
    }

    [Fact]
    public void WithSchema_MasksWithEmptyValuesOfEachType()
    {
        var fields = string.Join(",", FullSchema.Fields.Select(f => f.Name).Where(n => n != "magic"));
        var result = Configured<MaskField.Value>(("fields", fields)).ApplyUnmutated(SinkRecord(null, null, FullSchema, FullStruct))!;

        Assert.Same(FullSchema, result.ValueSchema);
        var value = (Struct)result.Value!;
        Assert.Equal(42, value.Get("magic"));
        Assert.Equal(false, value.Get("bool"));
        Assert.Equal((sbyte)0, value.Get("byte"));
        Assert.Equal((short)0, value.Get("short"));
        Assert.Equal(0, value.Get("int"));
        Assert.Equal(0L, value.Get("long"));
        Assert.Equal(0f, value.Get("float"));
        Assert.Equal(0d, value.Get("double"));
        Assert.Equal(string.Empty, value.Get("string"));
        Assert.Equal(new DateOnly(1970, 1, 1), value.Get("date"));
        Assert.Equal(TimeOnly.MinValue, value.Get("time"));
        Assert.Equal(DateTimeOffset.UnixEpoch, value.Get("timestamp"));
        Assert.Equal(new ConnectDecimal(BigInteger.Zero, 0), value.Get("decimal"));
        Assert.Empty(value.GetArray("array")!);
        Assert.Empty(value.GetMap("map")!);
    }

    [Theory]
    [InlineData("short", (short)123)]
    [InlineData("byte", (sbyte)123)]
    [InlineData("int", 123)]
    [InlineData("long", 123L)]
    [InlineData("float", 123f)]
    [InlineData("double", 123d)]
    [InlineData("string", "123")]
    public void Schemaless_CustomReplacement_IsParsedAsFieldType(string field, object expected)
    {
        var transform = Configured<MaskField.Value>(("fields", field), ("replacement", Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture)!));
        Assert.Equal(expected, AsMap(transform.ApplyUnmutated(SinkRecord(null, null, null, Values()))!.Value)[field]);
    }

    [Fact]
    public void Schemaless_CustomReplacement_BigNumbers()
    {
        var bigint = Configured<MaskField.Value>(("fields", "bigint"), ("replacement", "123"));
        var bigdec = Configured<MaskField.Value>(("fields", "bigdec"), ("replacement", "123.0"));
        Assert.Equal(new BigInteger(123), AsMap(bigint.Apply(SinkRecord(null, null, null, Values()))!.Value)["bigint"]);
        Assert.Equal(ConnectDecimal.Parse("123.0"), AsMap(bigdec.Apply(SinkRecord(null, null, null, Values()))!.Value)["bigdec"]);
    }

    [Theory]
    [InlineData("short", (short)123)]
    [InlineData("byte", (sbyte)123)]
    [InlineData("int", 123)]
    [InlineData("long", 123L)]
    [InlineData("float", 123f)]
    [InlineData("double", 123d)]
    [InlineData("string", "123")]
    public void WithSchema_CustomReplacement_IsParsedAsFieldType(string field, object expected)
    {
        var transform = Configured<MaskField.Value>(("fields", field), ("replacement", "123"));
        Assert.Equal(expected, ((Struct)transform.ApplyUnmutated(SinkRecord(null, null, FullSchema, FullStruct))!.Value!).Get(field));
    }

    [Fact]
    public void WithSchema_CustomReplacement_Decimal()
    {
        var transform = Configured<MaskField.Value>(("fields", "decimal"), ("replacement", "123.0"));
        Assert.Equal(ConnectDecimal.Parse("123.0"), ((Struct)transform.Apply(SinkRecord(null, null, FullSchema, FullStruct))!.Value!).Get("decimal"));
    }

    [Theory]
    [InlineData("date", "class java.util.Date")]
    [InlineData("bool", "class java.lang.Boolean")]
    [InlineData("list", "class java.util.ArrayList")]
    [InlineData("map", "class java.util.HashMap")]
    public void Schemaless_CustomReplacement_UnsupportedType_Fails(string field, string javaClass)
    {
        var transform = Configured<MaskField.Value>(("fields", field), ("replacement", "x"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, null, Values())));
        Assert.Equal($"Cannot mask value of type {javaClass} with custom replacement.", error.Message);
    }

    [Theory]
    [InlineData("time")]
    [InlineData("timestamp")]
    [InlineData("array")]
    public void WithSchema_CustomReplacement_UnsupportedType_Fails(string field)
    {
        var transform = Configured<MaskField.Value>(("fields", field), ("replacement", "123"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, FullSchema, FullStruct)));
        Assert.StartsWith("Cannot mask value of type", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("byte")]
    [InlineData("short")]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("float")]
    [InlineData("double")]
    [InlineData("bigint")]
    [InlineData("bigdec")]
    public void CustomReplacement_NotANumber_Fails(string field)
    {
        var transform = Configured<MaskField.Value>(("fields", field), ("replacement", "foo"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, null, Values())));
        Assert.Equal("Unable to convert foo (class java.lang.String) to number", error.Message);
    }

    [Fact]
    public void Bytes_CannotBeMasked()
    {
        var transform = Configured<MaskField.Value>(("fields", "b"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, null, Map(("b", new byte[] { 1 })))));
        Assert.Equal("Cannot mask value of type: class [B", error.Message);
    }

    [Fact]
    public void Schemaless_AbsentField_IsAddedAsNull()
    {
        var result = AsMap(Configured<MaskField.Value>(("fields", "missing")).ApplyUnmutated(SinkRecord(null, null, null, Map(("a", 1))))!.Value);
        Assert.True(result.ContainsKey("missing"));
        Assert.Null(result["missing"]);
        Assert.Equal(1, result["a"]);
    }

    [Fact]
    public void NullFieldValue_StaysNull()
    {
        var schema = SchemaBuilder.Struct().Field("s", Schema.OptionalStringSchema).Build();
        var result = Configured<MaskField.Value>(("fields", "s")).ApplyUnmutated(SinkRecord(null, null, schema, new StructBuilder(schema).Put("s", null).Build()))!;
        Assert.Null(((Struct)result.Value!).Get("s"));
    }

    [Fact]
    public void Key_MasksKeyFields()
    {
        var result = Configured<MaskField.Key>(("fields", "ssn")).ApplyUnmutated(SinkRecord(null, Map(("ssn", "123-45"), ("id", 1)), null, "v"))!;
        Assert.Equal(string.Empty, AsMap(result.Key)["ssn"]);
        Assert.Equal("v", result.Value);
    }

    [Fact]
    public void Tombstones_PassThrough()
    {
        var record = SinkRecord(null, null, FullSchema, null);
        Assert.Same(record, Configured<MaskField.Value>(("fields", "int")).ApplyUnmutated(record));
    }

    [Fact]
    public void Configure_EmptyReplacement_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<MaskField.Value>(("fields", "short"), ("replacement", "")));
        Assert.Equal("Invalid value  for configuration replacement: String must be non-empty", error.Message);
    }

    [Fact]
    public void Configure_EmptyFields_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<MaskField.Value>(("fields", "")));
        Assert.Equal("Invalid value [] for configuration fields: Empty list", error.Message);
        Assert.Equal("Missing required configuration \"fields\" which has no default value.",
            Assert.Throws<ConfigException>(() => Configured<MaskField.Value>()).Message);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys()
    {
        Assert.Equal(["fields", "replacement", "replace.null.with.default"], MaskField.ConfigDef.Keys.Keys);
        Assert.Equal("org.apache.kafka.connect.transforms.MaskField$Value", MaskField.ValueClassName);
    }
}
