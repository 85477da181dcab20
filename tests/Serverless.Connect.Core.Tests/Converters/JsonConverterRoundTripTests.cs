using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class JsonConverterRoundTripTests
{
    private static readonly Schema _nested = SchemaBuilder.Struct().Name("inner").Field("x", Schema.Float64Schema).Build();

    public static TheoryData<Schema, object?> Values() => new()
    {
        { Schema.Int8Schema, (sbyte)-8 },
        { Schema.Int16Schema, (short)-300 },
        { Schema.Int32Schema, int.MinValue },
        { Schema.Int64Schema, long.MaxValue },
        { Schema.Float32Schema, 3.4028235E38f },
        { Schema.Float32Schema, float.NaN },
        { Schema.Float64Schema, 0.1 },
        { Schema.Float64Schema, double.NegativeInfinity },
        { Schema.Float64Schema, 1e-300 },
        { Schema.BooleanSchema, false },
        { Schema.StringSchema, "héllo \"world\"\n" },
        { Schema.BytesSchema, new byte[] { 0, 1, 2, 255 } },
        { Schema.OptionalStringSchema, null },
        { SchemaBuilder.Array(Schema.OptionalInt64Schema).Build(), new List<object?> { 1L, null, 3L } },
        { SchemaBuilder.Map(Schema.StringSchema, Schema.StringSchema).Build(), new Dictionary<object, object?> { ["a"] = "b" } },
        { SchemaBuilder.Map(Schema.Int64Schema, _nested).Build(), new Dictionary<object, object?> { [5L] = new StructBuilder(_nested).Put("x", 1.5).Build() } },
        { SchemaBuilder.Map(_nested, Schema.Int32Schema).Build(), new Dictionary<object, object?> { [new StructBuilder(_nested).Put("x", 2.5).Build()] = 1 } },
        { DecimalSchema.Create(3), new ConnectDecimal(-123456789, 3) },
        { DecimalSchema.Create(0), new ConnectDecimal(System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), 0) },
        { DateSchema.Schema, new DateOnly(2024, 2, 29) },
        { TimeSchema.Schema, new TimeOnly(23, 59, 59, 999) },
        { TimestampSchema.Schema, DateTimeOffset.FromUnixTimeMilliseconds(-1) },
        { DebeziumTime.MicroTimestamp().Build(), 1704164645678123L },
        { DebeziumData.Json().Optional().Build(), "{\"a\":1}" },
        { DebeziumData.Enum(["a", "b"]).Build(), "b" },
        { DebeziumData.VariableScaleDecimal().Build(), DebeziumData.ToVariableScaleDecimal(DebeziumData.VariableScaleDecimal().Build(), ConnectDecimal.Parse("-12.345")) },
        {
            SchemaBuilder.Struct().Name("outer").Version(1)
                .Field("inner", _nested)
                .Field("list", SchemaBuilder.Array(_nested).Optional())
                .Field("when", TimestampSchema.Builder().Optional())
                .Build(),
            null
        },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void WithSchemas_RoundTripsSchemaAndValue(Schema schema, object? value)
    {
        value ??= schema.Type == SchemaType.Struct ? BuildOuter(schema) : null;
        var converter = Converters.Json();

        var bytes = converter.FromConnectData("topic", null, schema, value);
        var result = converter.ToConnectData("topic", null, bytes, bytes is null);

        Assert.Equal(new SchemaAndValue(schema, value), result);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void WithoutSchemas_RoundTripsValueGivenSchemaOnRead(Schema schema, object? value)
    {
        value ??= schema.Type == SchemaType.Struct ? BuildOuter(schema) : null;
        var writer = Converters.Json(schemas: false);
        var enveloped = Converters.Json();

        // Schemaless bytes carry no schema, so read them back through an envelope built from the known schema.
        var payload = writer.Write(schema, value);
        var schemaJson = System.Text.Encoding.UTF8.GetString(enveloped.SchemaToJson(schema).Span);
        var result = enveloped.Read($"{{\"schema\":{schemaJson},\"payload\":{payload}}}");

        Assert.Equal(value, result.Value, Serverless.Connect.Data.ConnectValueComparer.Instance);
    }

    private static Struct BuildOuter(Schema schema) =>
        new StructBuilder(schema)
            .Put("inner", new StructBuilder(_nested).Put("x", -0.0).Build())
            .Put("list", new List<object?> { new StructBuilder(_nested).Put("x", 1e21).Build() })
            .Build();
}
