using System.Numerics;
using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class CastTests
{
    private const long MillisPerHour = 3_600_000;
    private const long MillisPerDay = 86_400_000;

    [Theory]
    [InlineData("", "Must specify at least one field to cast.")]
    [InlineData("foo:faketype", "Invalid type found in casting spec: faketype")]
    [InlineData("foo:array", "Cast transformation does not support casting to ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]")]
    [InlineData("array", "Cast transformation does not support casting to ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]")]
    [InlineData("foo:bytes", "Cast transformation does not support casting to BYTES; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]")]
    [InlineData("foo:int8:extra", "Invalid value [foo:int8:extra] for configuration renames: Invalid rename mapping: foo:int8:extra")]
    [InlineData("foo:int8,int32", "Cast transformations that specify a type to cast the entire value to may ony specify a single cast in their spec")]
    [InlineData("faketype", "No enum constant org.apache.kafka.connect.data.Schema.Type.FAKETYPE")]
    public void Configure_InvalidSpec_FailsLikeKafka(string spec, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Configured<Cast.Value>(("spec", spec)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Configure_MissingSpec_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<Cast.Value>());
        Assert.Equal("Missing required configuration \"spec\" which has no default value.", error.Message);
    }

    [Fact]
    public void NullValues_PassThrough()
    {
        var withSchema = SinkRecord(Schema.StringSchema, "key", Schema.OptionalInt32Schema, null);
        var schemaless = SinkRecord(null, "key", null, null);
        Assert.Same(withSchema, Configured<Cast.Value>(("spec", "int8")).ApplyUnmutated(withSchema));
        Assert.Same(schemaless, Configured<Cast.Value>(("spec", "int8")).ApplyUnmutated(schemaless));
        var nullKey = SinkRecord(Schema.OptionalStringSchema, null, Schema.Int32Schema, 1);
        Assert.Same(nullKey, Configured<Cast.Key>(("spec", "int8")).ApplyUnmutated(nullKey));
    }

    [Fact]
    public void WholeKey_WithSchema()
    {
        var result = Configured<Cast.Key>(("spec", "int8")).ApplyUnmutated(SinkRecord(Schema.Int32Schema, 42, null, null))!;
        Assert.Equal(SchemaType.Int8, result.KeySchema!.Type);
        Assert.Equal((sbyte)42, result.Key);
    }

    public static TheoryData<string, SchemaType, object> WholeValueCases() => new()
    {
        { "int8", SchemaType.Int8, (sbyte)42 },
        { "int16", SchemaType.Int16, (short)42 },
        { "int32", SchemaType.Int32, 42 },
        { "int64", SchemaType.Int64, 42L },
        { "float32", SchemaType.Float32, 42f },
        { "float64", SchemaType.Float64, 42d },
        { "boolean", SchemaType.Boolean, true },
        { "string", SchemaType.String, "42" },
    };

    [Theory]
    [MemberData(nameof(WholeValueCases))]
    public void WholeValue_WithSchema_FromInt32(string spec, SchemaType type, object expected)
    {
        var result = Configured<Cast.Value>(("spec", spec)).ApplyUnmutated(SinkRecord(null, null, Schema.Int32Schema, 42))!;
        Assert.Equal(type, result.ValueSchema!.Type);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [MemberData(nameof(WholeValueCases))]
    public void WholeValue_Schemaless_FromInt32(string spec, SchemaType type, object expected)
    {
        _ = type;
        var result = Configured<Cast.Value>(("spec", spec)).ApplyUnmutated(SinkRecord(null, null, null, 42))!;
        Assert.Null(result.ValueSchema);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("int8", (sbyte)42)]
    [InlineData("int16", (short)42)]
    [InlineData("int32", 42)]
    [InlineData("int64", 42L)]
    [InlineData("float32", 42f)]
    [InlineData("float64", 42d)]
    [InlineData("boolean", false)]
    [InlineData("string", "42")]
    public void WholeValue_FromString_ParsesLikeJava(string spec, object expected) =>
        Assert.Equal(expected, Configured<Cast.Value>(("spec", spec)).ApplyUnmutated(SinkRecord(null, null, Schema.StringSchema, "42"))!.Value);

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    public void WholeValue_StringToBoolean_IsTrueOnlyForTrue(string text, bool expected) =>
        Assert.Equal(expected, Configured<Cast.Value>(("spec", "boolean")).Apply(SinkRecord(null, null, null, text))!.Value);

    [Theory]
    [InlineData("int8", "128")]
    [InlineData("int16", "40000")]
    [InlineData("int32", "4.5")]
    [InlineData("int64", " 1")]
    [InlineData("float64", "abc")]
    public void WholeValue_UnparsableString_FailsLikeJava(string spec, string text)
    {
        var error = Assert.Throws<DataException>(() => Configured<Cast.Value>(("spec", spec)).Apply(SinkRecord(null, null, null, text)));
        Assert.Equal($"Value ({text}) was out of range for requested data type", error.Message);
    }

    [Fact]
    public void WholeValue_FloatParsing_FollowsJava()
    {
        var transform = Configured<Cast.Value>(("spec", "float64"));
        Assert.Equal(1.5, transform.Apply(SinkRecord(null, null, null, " 1.5d "))!.Value);
        Assert.Equal(double.NegativeInfinity, transform.Apply(SinkRecord(null, null, null, "-Infinity"))!.Value);
        Assert.Equal(1e10, transform.Apply(SinkRecord(null, null, null, "1e10"))!.Value);
    }

    [Fact]
    public void NumericNarrowing_WrapsAndSaturatesLikeJava()
    {
        Assert.Equal((sbyte)-128, Configured<Cast.Value>(("spec", "int8")).Apply(SinkRecord(null, null, null, 128))!.Value);
        Assert.Equal((short)-1, Configured<Cast.Value>(("spec", "int16")).Apply(SinkRecord(null, null, null, 65535L))!.Value);
        Assert.Equal(int.MaxValue, Configured<Cast.Value>(("spec", "int32")).Apply(SinkRecord(null, null, null, 1e20))!.Value);
        Assert.Equal((sbyte)-1, Configured<Cast.Value>(("spec", "int8")).Apply(SinkRecord(null, null, null, 1e20))!.Value);
        Assert.Equal(0L, Configured<Cast.Value>(("spec", "int64")).Apply(SinkRecord(null, null, null, double.NaN))!.Value);
        Assert.Equal(-42, Configured<Cast.Value>(("spec", "int32")).Apply(SinkRecord(null, null, null, -42.9f))!.Value);
    }

    [Theory]
    [InlineData(0.5, false)]
    [InlineData(1.0, true)]
    [InlineData(-2.0, true)]
    [InlineData(0.0, false)]
    public void NumberToBoolean_ComparesLongValueWithZero(double value, bool expected) =>
        Assert.Equal(expected, Configured<Cast.Value>(("spec", "boolean")).Apply(SinkRecord(null, null, Schema.Float64Schema, value))!.Value);

    [Fact]
    public void BooleanToNumbers_IsOneOrZero()
    {
        Assert.Equal(1, Configured<Cast.Value>(("spec", "int32")).Apply(SinkRecord(null, null, null, true))!.Value);
        Assert.Equal(0f, Configured<Cast.Value>(("spec", "float32")).Apply(SinkRecord(null, null, null, false))!.Value);
    }

    [Fact]
    public void FloatingPointToString_UsesJavaText()
    {
        Assert.Equal("1.0E10", Configured<Cast.Value>(("spec", "string")).Apply(SinkRecord(null, null, null, 1e10))!.Value);
        Assert.Equal("42.0", Configured<Cast.Value>(("spec", "string")).Apply(SinkRecord(null, null, Schema.Float32Schema, 42f))!.Value);
    }

    [Fact]
    public void BytesToString_IsBase64_AndToNumberFails()
    {
        var bytes = new byte[] { 1, 2, 3, 250 };
        Assert.Equal(Convert.ToBase64String(bytes), Configured<Cast.Value>(("spec", "string")).ApplyUnmutated(SinkRecord(null, null, Schema.BytesSchema, bytes))!.Value);
        var error = Assert.Throws<DataException>(() => Configured<Cast.Value>(("spec", "int32")).Apply(SinkRecord(null, null, Schema.BytesSchema, bytes)));
        Assert.Equal("Unexpected type in Cast transformation: class [B", error.Message);
    }

    [Fact]
    public void WholeValue_WithSchemaDefault_CastsTheDefault()
    {
        var schema = SchemaBuilder.Float32().DefaultValue(-42.125f).Build();
        var result = Configured<Cast.Value>(("spec", "int32")).ApplyUnmutated(SinkRecord(null, null, schema, 3.5f))!;
        Assert.Equal(SchemaBuilder.Int32().DefaultValue(-42).Build(), result.ValueSchema);
        Assert.Equal(3, result.Value);
    }

    [Fact]
    public void WholeValue_KeepsSchemaNameAndParameters()
    {
        var schema = DecimalSchema.Create(2);
        var result = Configured<Cast.Value>(("spec", "float64")).ApplyUnmutated(SinkRecord(null, null, schema, ConnectDecimal.Parse("12.34")))!;
        Assert.Equal(SchemaType.Float64, result.ValueSchema!.Type);
        Assert.Equal(DecimalSchema.LogicalName, result.ValueSchema.Name);
        Assert.Equal("2", result.ValueSchema.Parameters!["scale"]);
        Assert.Equal(12.34, result.Value);
    }

    [Fact]
    public void WholeDecimalToString_IsBigDecimalText()
    {
        var schema = DecimalSchema.Create(0);
        Assert.Equal("42", Configured<Cast.Value>(("spec", "string")).Apply(SinkRecord(null, null, schema, ConnectDecimal.Parse("42")))!.Value);
        var negativeScale = DecimalSchema.Create(-3);
        Assert.Equal("1.2E+4", Configured<Cast.Value>(("spec", "string")).Apply(SinkRecord(null, null, negativeScale, new ConnectDecimal(12, -3)))!.Value);
    }

    [Fact]
    public void WholeTimestampToString_UsesValuesDateFormatsInUtc()
    {
        var transform = Configured<Cast.Value>(("spec", "string"));
        string Format(long millis) => (string)transform.Apply(SinkRecord(null, null, TimestampSchema.Schema, DateTimeOffset.FromUnixTimeMilliseconds(millis)))!.Value!;
        Assert.Equal("1970-01-02T00:00:00.001Z", Format(MillisPerDay + 1));
        Assert.Equal("2024-01-02", Format(1_704_153_600_000));
        Assert.Equal("01:00:00.000Z", Format(MillisPerHour));
        Assert.Equal("2023-11-14T22:13:20.000Z", Format(1_700_000_000_000));
    }

    [Fact]
    public void Schemaless_UnsupportedValueTypes_Fail()
    {
        var unknown = Assert.Throws<DataException>(() => Configured<Cast.Value>(("spec", "int32")).Apply(SinkRecord(null, null, null, DateTimeOffset.UnixEpoch)));
        Assert.Equal("Cast transformation was passed a value of type class java.util.Date which is not supported by Connect's data API", unknown.Message);
        var map = Assert.Throws<DataException>(() => Configured<Cast.Value>(("spec", "string")).Apply(SinkRecord(null, null, null, new List<object?> { 1 })));
        Assert.Equal("Cast transformation does not support casting from ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]", map.Message);
    }

    [Fact]
    public void LogicalFields_CastToPrimitives()
    {
        var decimalValue = new ConnectDecimal(new BigInteger((long)int.MaxValue + 1), 0);
        var schema = SchemaBuilder.Struct()
            .Field("date_to_int32", DateSchema.Schema)
            .Field("timestamp_to_int64", TimestampSchema.Schema)
            .Field("time_to_int64", TimeSchema.Schema)
            .Field("decimal_to_int32", DecimalSchema.Create(0))
            .Field("timestamp_to_float64", TimestampSchema.Schema)
            .Field("null_timestamp_to_int32", TimestampSchema.Builder().Optional().Build())
            .Build();
        var value = new StructBuilder(schema)
            .Put("date_to_int32", new DateOnly(1970, 1, 2))
            .Put("timestamp_to_int64", DateTimeOffset.UnixEpoch)
            .Put("time_to_int64", new TimeOnly(TimeSpan.TicksPerMillisecond))
            .Put("decimal_to_int32", decimalValue)
            .Put("timestamp_to_float64", DateTimeOffset.FromUnixTimeMilliseconds(253_402_300_799_999))
            .Put("null_timestamp_to_int32", null)
            .Build();
        var transform = Configured<Cast.Value>(("spec",
            "date_to_int32:int32,timestamp_to_int64:int64,time_to_int64:int64,decimal_to_int32:int32,timestamp_to_float64:float64,null_timestamp_to_int32:int32"));

        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, value))!;

        var cast = (Struct)result.Value!;
        Assert.Equal(1, cast.Get("date_to_int32"));
        Assert.Equal(0L, cast.Get("timestamp_to_int64"));
        Assert.Equal(1L, cast.Get("time_to_int64"));
        Assert.Equal(int.MinValue, cast.Get("decimal_to_int32"));
        Assert.Equal(253_402_300_799_999d, cast.Get("timestamp_to_float64"));
        Assert.Null(cast.Get("null_timestamp_to_int32"));
        Assert.Equal(Schema.Int32Schema, result.ValueSchema!.FieldByName("date_to_int32")!.Schema);
        Assert.Equal(Schema.OptionalInt32Schema, result.ValueSchema.FieldByName("null_timestamp_to_int32")!.Schema);
    }

    [Fact]
    public void LogicalFields_CastToString()
    {
        var schema = SchemaBuilder.Struct().Field("date", DateSchema.Schema).Field("time", TimeSchema.Schema)
            .Field("timestamp", TimestampSchema.Schema).Field("decimal", DecimalSchema.Create(2)).Build();
        var value = new StructBuilder(schema).Put("date", new DateOnly(1970, 1, 2)).Put("time", new TimeOnly(1, 0))
            .Put("timestamp", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)).Put("decimal", ConnectDecimal.Parse("-0.05")).Build();
        var result = Configured<Cast.Value>(("spec", "date:string,time:string,timestamp:string,decimal:string"))
            .ApplyUnmutated(SinkRecord(null, null, schema, value))!;
        var cast = (Struct)result.Value!;
        Assert.Equal("1970-01-02", cast.Get("date"));
        Assert.Equal("01:00:00.000Z", cast.Get("time"));
        Assert.Equal("2023-11-14T22:13:20.123Z", cast.Get("timestamp"));
        Assert.Equal("-0.05", cast.Get("decimal"));
    }

    [Fact]
    public void Fields_WithSchema_CastsListedFieldsOnly()
    {
        var schema = SchemaBuilder.Struct().Name("row").Version(2)
            .Field("int8", Schema.Int8Schema)
            .Field("int16", Schema.OptionalInt16Schema)
            .Field("int32", SchemaBuilder.Int32().DefaultValue(2).Build())
            .Field("int64", Schema.Int64Schema)
            .Field("float32", Schema.Float32Schema)
            .Field("float64", Schema.Float64Schema)
            .Field("boolean", Schema.BooleanSchema)
            .Field("string", Schema.StringSchema)
            .Field("optional", Schema.OptionalFloat32Schema)
            .Field("untouched", Schema.StringSchema)
            .Build();
        var value = new StructBuilder(schema).Put("int8", (sbyte)8).Put("int16", (short)16).Put("int32", 32).Put("int64", 64L)
            .Put("float32", 32f).Put("float64", -64d).Put("boolean", true).Put("string", "42").Put("optional", null)
            .Put("untouched", "x").Build();
        var transform = Configured<Cast.Value>(("spec",
            "int8:int16,int16:int32,int32:int64,int64:boolean,float32:float64,float64:boolean,boolean:int8,string:int32,optional:int32"));

        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, value))!;

        var s = result.ValueSchema!;
        Assert.Equal("row", s.Name);
        Assert.Equal(2, s.Version);
        Assert.Equal(Schema.Int16Schema, s.FieldByName("int8")!.Schema);
        Assert.Equal(Schema.OptionalInt32Schema, s.FieldByName("int16")!.Schema);
        Assert.Equal(SchemaBuilder.Int64().DefaultValue(2L).Build(), s.FieldByName("int32")!.Schema);
        Assert.Equal(Schema.BooleanSchema, s.FieldByName("int64")!.Schema);
        Assert.Equal(Schema.OptionalInt32Schema, s.FieldByName("optional")!.Schema);
        Assert.Same(schema.FieldByName("untouched")!.Schema, s.FieldByName("untouched")!.Schema);
        var cast = (Struct)result.Value!;
        Assert.Equal((short)8, cast.Get("int8"));
        Assert.Equal(16, cast.Get("int16"));
        Assert.Equal(32L, cast.Get("int32"));
        Assert.Equal(true, cast.Get("int64"));
        Assert.Equal(32d, cast.Get("float32"));
        Assert.Equal(true, cast.Get("float64"));
        Assert.Equal((sbyte)1, cast.Get("boolean"));
        Assert.Equal(42, cast.Get("string"));
        Assert.Null(cast.Get("optional"));
        Assert.Equal("x", cast.Get("untouched"));
    }

    [Theory]
    [InlineData("true", 2L)]
    [InlineData("false", null)]
    public void Fields_ReplaceNullWithDefault(string replace, long? expected)
    {
        var schema = SchemaBuilder.Struct().Field("n", SchemaBuilder.Int32().Optional().DefaultValue(2).Build()).Build();
        var result = Configured<Cast.Value>(("spec", "n:int64"), ("replace.null.with.default", replace))
            .ApplyUnmutated(SinkRecord(null, null, schema, new StructBuilder(schema).Put("n", null).Build()))!;
        Assert.Equal(expected, ((Struct)result.Value!).GetWithoutDefault("n"));
    }

    [Fact]
    public void Fields_Schemaless_CastsListedAndAddsAbsentAsNull()
    {
        var value = MutableMap(("int8", (sbyte)8), ("int16", (short)16), ("string", "42"), ("bigint", 1L));
        var result = AsMap(Configured<Cast.Value>(("spec", "int8:int16,int16:string,string:float64,missing:int32"))
            .ApplyUnmutated(SinkRecord(null, null, null, value))!.Value);
        Assert.Equal((short)8, result["int8"]);
        Assert.Equal("16", result["int16"]);
        Assert.Equal(42d, result["string"]);
        Assert.Equal(1L, result["bigint"]);
        Assert.True(result.ContainsKey("missing"));
        Assert.Null(result["missing"]);
    }

    [Fact]
    public void Fields_WithSchema_NonStructValue_Fails()
    {
        var error = Assert.Throws<DataException>(() => Configured<Cast.Value>(("spec", "a:int8")).Apply(SinkRecord(null, null, Schema.Int32Schema, 1)));
        Assert.Equal("Only Struct objects supported for [cast types], found: java.lang.Integer", error.Message);
    }

    [Fact]
    public void WithSchema_SameSchemaTwice_ReusesDerivedSchema()
    {
        var transform = Configured<Cast.Value>(("spec", "int64"));
        Assert.Same(transform.Apply(SinkRecord(null, null, Schema.Int32Schema, 1))!.ValueSchema,
            transform.Apply(SinkRecord(null, null, Schema.Int32Schema, 2))!.ValueSchema);
    }

    [Fact]
    public void ClassNamesAndConfigDef_MatchKafka()
    {
        Assert.Equal("org.apache.kafka.connect.transforms.Cast$Key", Cast.KeyClassName);
        Assert.Equal("org.apache.kafka.connect.transforms.Cast$Value", Cast.ValueClassName);
        Assert.Equal(["spec", "replace.null.with.default"], Cast.ConfigDef.Keys.Keys);
    }
}
