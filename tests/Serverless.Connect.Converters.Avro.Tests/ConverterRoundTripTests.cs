using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Connect → registry + bytes → Connect, for every type, logical type and structure.</summary>
public sealed class ConverterRoundTripTests : IClassFixture<RegistryFixture>
{
    private readonly RegistryFixture _registry;

    public ConverterRoundTripTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public void Primitive_RoundTrips_AndGetsTheRegistryVersion()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();

        var bytes = converter.FromConnectData(topic, Schema.BooleanSchema, true);
        var back = converter.ToConnectData(topic, bytes);

        // As in Confluent's converter: a schema without connect.version takes the version it has in the subject.
        Assert.Equal(new SchemaAndValue(SchemaBuilder.Bool().Version(1).Build(), true), back);
    }

    [Theory]
    [MemberData(nameof(PrimitiveValues))]
    public void EveryPrimitiveAndLogicalType_RoundTripsInAVersionedStruct(string name, Schema fieldSchema, object? value)
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic() + "." + name;
        var schema = SchemaBuilder.Struct().Name("test.Holder").Version(1).Field("v", fieldSchema).Build();
        var original = new StructBuilder(schema).Put("v", value).Build();

        var back = converter.ToConnectData(topic, converter.FromConnectData(topic, schema, original));

        Assert.Equal(schema, back.Schema);
        Assert.Equal(original, back.Value);
    }

    public static TheoryData<string, Schema, object?> PrimitiveValues() => new()
    {
        { "int8", Schema.Int8Schema, (sbyte)-12 },
        { "int16", Schema.Int16Schema, (short)31000 },
        { "int32", Schema.Int32Schema, int.MinValue },
        { "int64", Schema.Int64Schema, long.MaxValue },
        { "float32", Schema.Float32Schema, 12.2f },
        { "float64", Schema.Float64Schema, -1.0e300 },
        { "boolean", Schema.BooleanSchema, false },
        { "string", Schema.StringSchema, "héllo \u2603 \"quoted\"" },
        { "bytes", Schema.BytesSchema, new byte[] { 0, 1, 0xFF } },
        { "decimal", DebeziumData.PreciseDecimal(10, 2).Build(), ConnectDecimal.Parse("-12345678.90") },
        { "decimal64", DecimalSchema.Create(4), ConnectDecimal.Parse("3.1416") },
        { "date", DateSchema.Schema, new DateOnly(2024, 2, 29) },
        { "time", TimeSchema.Schema, new TimeOnly(23, 59, 59, 999) },
        { "timestamp", TimestampSchema.Schema, DateTimeOffset.FromUnixTimeMilliseconds(1704164645678) },
        { "microTimestamp", DebeziumTime.MicroTimestamp().Build(), 1704164645678123L },
        { "zonedTimestamp", DebeziumTime.ZonedTimestamp().Build(), "2024-01-01T12:00:00.000000Z" },
        { "json", DebeziumData.Json().Build(), "{\"a\":1}" },
        { "optionalNull", Schema.OptionalInt64Schema, null },
        { "optionalValue", Schema.OptionalFloat64Schema, 2.5 },
        { "optionalDecimalNull", DebeziumData.PreciseDecimal(5, 1).Optional().Build(), null },
        { "optionalDate", DateSchema.Builder().Optional().Build(), new DateOnly(1969, 12, 31) },
    };

    [Fact]
    public void NestedStructsArraysAndMaps_RoundTrip()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var address = SchemaBuilder.Struct().Name("test.Address").Field("city", Schema.StringSchema).Field("zip", Schema.OptionalStringSchema).Build();
        var schema = SchemaBuilder.Struct().Name("test.Person").Version(3)
            .Field("name", Schema.StringSchema)
            .Field("home", address)
            .Field("previous", SchemaBuilder.Array(address).Build())
            .Field("tags", SchemaBuilder.Array(Schema.OptionalStringSchema).Optional().Build())
            .Field("scores", SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build())
            .Field("byYear", SchemaBuilder.Map(Schema.Int16Schema, Schema.OptionalStringSchema).Build())
            .Field("anonymous", SchemaBuilder.Struct().Field("x", Schema.Int32Schema).Optional().Build())
            .Build();
        var home = new StructBuilder(address).Put("city", "Oslo").Build();
        var old = new StructBuilder(address).Put("city", "Bergen").Put("zip", "5003").Build();
        var original = new StructBuilder(schema)
            .Put("name", "Ada")
            .Put("home", home)
            .Put("previous", new object?[] { old, home })
            .Put("tags", new object?[] { "a", null, "c" })
            .Put("scores", ConnectMap.Create([new(key: "math", value: 9), new(key: "art", value: 7)]))
            .Put("byYear", ConnectMap.Create([new(key: (short)2020, value: "x"), new(key: (short)2021, value: null)]))
            .Put("anonymous", new StructBuilder(schema.FieldByName("anonymous")!.Schema).Put("x", 1).Build())
            .Build();

        var back = converter.ToConnectData(topic, converter.FromConnectData(topic, schema, original));

        Assert.Equal(schema, back.Schema);
        Assert.Equal(original, back.Value);
    }

    [Fact]
    public void Defaults_AreAppliedOnWrite_AndRestoredInTheSchema()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("test.Defaults").Version(1)
            .Field("n", SchemaBuilder.Int32().DefaultValue(5).Build())
            .Field("s", SchemaBuilder.String().Optional().DefaultValue("x").Build())
            .Field("d", DecimalSchema.Builder(2).DefaultValue(ConnectDecimal.Parse("1.00")).Build())
            .Field("when", TimestampSchema.Builder().DefaultValue(DateTimeOffset.FromUnixTimeMilliseconds(0)).Build())
            .Build();
        var empty = new StructBuilder(schema).Build();

        var back = converter.ToConnectData(topic, converter.FromConnectData(topic, schema, empty));

        Assert.Equal(schema, back.Schema);
        var value = Assert.IsType<Struct>(back.Value);
        Assert.Equal(5, value.GetWithoutDefault("n"));
        Assert.Equal("x", value.GetWithoutDefault("s"));
        Assert.Equal(ConnectDecimal.Parse("1.00"), value.GetWithoutDefault("d"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(0), value.GetWithoutDefault("when"));
    }

    [Fact]
    public void IgnoreDefaultForNullables_WritesNullInsteadOfTheDefault()
    {
        using var converter = TestConverters.Create(_registry.Server, false, ("ignore.default.for.nullables", "true"));
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("test.Nullable").Version(1)
            .Field("s", SchemaBuilder.String().Optional().DefaultValue("x").Build())
            .Build();

        var back = converter.ToConnectData(topic, converter.FromConnectData(topic, schema, new StructBuilder(schema).Build()));

        Assert.Null(Assert.IsType<Struct>(back.Value).GetWithoutDefault("s"));
    }

    [Fact]
    public void Tombstones_StayKafkaNulls_WithoutContactingTheRegistry()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();

        Assert.Null(converter.FromConnectData(topic, null, null));
        Assert.Null(converter.FromConnectData(topic, Schema.OptionalStringSchema, null));
        Assert.Equal(SchemaAndValue.Null, converter.ToConnectData(topic, null));
        Assert.Equal(0, _registry.Server.CountRequests($"POST /subjects/{topic}"));
    }

    [Fact]
    public void NullForRequiredSchema_IsADataException()
    {
        using var converter = TestConverters.Create(_registry.Server);

        var error = Assert.Throws<DataException>(() => converter.FromConnectData(TestConverters.Topic(), Schema.StringSchema, null));
        Assert.Equal("Found null value for non-optional schema", error.Message);
    }

    [Fact]
    public void WrongValueType_IsADataException_AndRegistersNothing()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();

        Assert.Throws<DataException>(() => converter.FromConnectData(topic, Schema.Int32Schema, "not a number"));
        Assert.Equal(0, _registry.Server.CountRequests($"POST /subjects/{topic}"));
    }

    [Fact]
    public void SecondSchemaOfASubject_IsReadWithVersion2()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var v1 = SchemaBuilder.Struct().Name("test.Evolving").Field("a", Schema.Int32Schema).Build();
        var v2 = SchemaBuilder.Struct().Name("test.Evolving").Field("a", Schema.Int32Schema).Field("b", Schema.OptionalStringSchema).Build();

        var first = converter.FromConnectData(topic, v1, new StructBuilder(v1).Put("a", 1).Build());
        var second = converter.FromConnectData(topic, v2, new StructBuilder(v2).Put("a", 2).Build());

        Assert.Equal(1, converter.ToConnectData(topic, first).Schema!.Version);
        Assert.Equal(2, converter.ToConnectData(topic, second).Schema!.Version);
    }

    [Fact]
    public async Task AsyncApi_RoundTrips()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("test.Async").Version(1).Field("id", Schema.Int64Schema).Build();
        var original = new StructBuilder(schema).Put("id", 42L).Build();

        var bytes = await converter.FromConnectDataAsync(topic, null, schema, original);
        var back = await converter.ToConnectDataAsync(topic, null, bytes, isNull: false);

        Assert.Equal(original, back.Value);
    }

    [Fact]
    public void Schemaless_UsesConfluentsAnythingRecord()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var value = ConnectMap.Create([new(key: "a", value: 1L), new(key: "list", value: new object?[] { "x", 2.5, null, true })]);

        var bytes = converter.FromConnectData(topic, null, value);
        var back = converter.ToConnectData(topic, bytes);

        Assert.Null(back.Schema);
        Assert.Equal(value, back.Value);
        Assert.Contains("io.confluent.connect.avro", _registry.Server.Store.Versions(topic + "-value")![0].Schema, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutConnectMetaData_ValuesRoundTrip_ButConnectNamesAreNotRestored()
    {
        using var converter = TestConverters.Create(_registry.Server, false, ("connect.meta.data", "false"));
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("test.Plain").Version(5).Field("small", Schema.Int16Schema).Field("at", DebeziumTime.MicroTimestamp().Build()).Build();

        var back = converter.ToConnectData(topic, converter.FromConnectData(topic, schema, new StructBuilder(schema).Put("small", (short)3).Put("at", 9L).Build()));

        var text = _registry.Server.Store.Versions(topic + "-value")![0].Schema;
        Assert.DoesNotContain("connect.", text, StringComparison.Ordinal);
        Assert.Equal("test.Plain", back.Schema!.Name);
        Assert.Equal(1, back.Schema.Version);
        Assert.Equal(SchemaType.Int32, back.Schema.FieldByName("small")!.Schema.Type);
        Assert.Null(back.Schema.FieldByName("at")!.Schema.Name);
        Assert.Equal(9L, ((Struct)back.Value!).Get("at"));
    }
}
