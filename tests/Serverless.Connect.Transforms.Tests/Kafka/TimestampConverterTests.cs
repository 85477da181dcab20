using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class TimestampConverterTests
{
    private const string StringDateFormat = "yyyy MM dd HH mm ss SSS z";
    private const string DatePlusTimeString = "1970 01 02 00 00 01 234 UTC";
    private const long DatePlusTimeUnix = 86_401_234L;

    private static readonly DateTimeOffset DatePlusTime = DateTimeOffset.FromUnixTimeMilliseconds(DatePlusTimeUnix);
    private static readonly DateOnly Date = new(1970, 1, 2);
    private static readonly TimeOnly Time = new(0, 0, 1, 234);

    private static TimestampConverter.Value Value(string targetType, params (string, string)[] more) =>
        Configured<TimestampConverter.Value>([("target.type", targetType), ("format", StringDateFormat), .. more]);

    private static ConnectRecord Schemaless(object? value) => SourceRecord(null, null, null, value);

    private static ConnectRecord WithSchema(Schema schema, object? value) => SourceRecord(null, null, schema, value);

    [Fact]
    public void Configure_NoTargetType_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<TimestampConverter.Value>());
        Assert.Equal("Missing required configuration \"target.type\" which has no default value.", error.Message);
    }

    [Fact]
    public void Configure_InvalidTargetType_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<TimestampConverter.Value>(("target.type", "invalid")));
        Assert.Equal("Invalid value invalid for configuration target.type: String must be one of: string, unix, Date, Time, Timestamp", error.Message);
    }

    [Fact]
    public void Configure_InvalidUnixPrecision_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<TimestampConverter.Value>(("target.type", "unix"), ("unix.precision", "invalid")));
        Assert.Equal("Invalid value invalid for configuration unix.precision: String must be one of: nanoseconds, microseconds, milliseconds, seconds", error.Message);
    }

    [Fact]
    public void Configure_StringTargetWithoutFormat_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<TimestampConverter.Value>(("target.type", "string")));
        Assert.Equal("TimestampConverter requires format option to be specified when using string timestamps", error.Message);
    }

    [Fact]
    public void Configure_InvalidFormat_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<TimestampConverter.Value>(("target.type", "string"), ("format", "bad-format")));
        Assert.Equal("TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: bad-format", error.Message);
    }

    public static TheoryData<string, object> SchemalessTargets() => new()
    {
        { "Timestamp", DatePlusTime },
        { "Date", Date },
        { "Time", Time },
        { "unix", DatePlusTimeUnix },
        { "string", DatePlusTimeString },
    };

    [Theory]
    [MemberData(nameof(SchemalessTargets))]
    public void Schemaless_FromTimestamp(string target, object expected)
    {
        var result = Value(target).ApplyUnmutated(Schemaless(DatePlusTime))!;
        Assert.Null(result.ValueSchema);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Schemaless_ToTimestamp_FromEachSource()
    {
        var transform = Value("Timestamp");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(86_400_000), transform.ApplyUnmutated(Schemaless(Date))!.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1234), transform.ApplyUnmutated(Schemaless(Time))!.Value);
        Assert.Equal(DatePlusTime, transform.ApplyUnmutated(Schemaless(DatePlusTimeUnix))!.Value);
        Assert.Equal(DatePlusTime, transform.ApplyUnmutated(Schemaless(DatePlusTimeString))!.Value);
    }

    public static TheoryData<string, Schema, object> SchemaTargets() => new()
    {
        { "Timestamp", TimestampSchema.Schema, DatePlusTime },
        { "Date", DateSchema.Schema, Date },
        { "Time", TimeSchema.Schema, Time },
        { "unix", Schema.Int64Schema, DatePlusTimeUnix },
        { "string", Schema.StringSchema, DatePlusTimeString },
    };

    [Theory]
    [MemberData(nameof(SchemaTargets))]
    public void WithSchema_FromTimestamp(string target, Schema expectedSchema, object expected)
    {
        var result = Value(target).ApplyUnmutated(WithSchema(TimestampSchema.Schema, DatePlusTime))!;
        Assert.Equal(expectedSchema, result.ValueSchema);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [MemberData(nameof(SchemaTargets))]
    public void WithSchema_FromString(string target, Schema expectedSchema, object expected)
    {
        var result = Value(target).ApplyUnmutated(WithSchema(Schema.StringSchema, DatePlusTimeString))!;
        Assert.Equal(expectedSchema, result.ValueSchema);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void WithSchema_ToTimestamp_FromDateTimeAndUnix()
    {
        var transform = Value("Timestamp");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(86_400_000), transform.ApplyUnmutated(WithSchema(DateSchema.Schema, Date))!.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1234), transform.ApplyUnmutated(WithSchema(TimeSchema.Schema, Time))!.Value);
        Assert.Equal(DatePlusTime, transform.ApplyUnmutated(WithSchema(Schema.Int64Schema, DatePlusTimeUnix))!.Value);
    }

    [Theory]
    [InlineData("Timestamp")]
    [InlineData("Date")]
    [InlineData("Time")]
    [InlineData("unix")]
    [InlineData("string")]
    public void WithSchema_NullValue_GivesOptionalTargetSchemaAndNull(string target)
    {
        var result = Value(target).ApplyUnmutated(WithSchema(TimestampSchema.Builder().Optional().Build(), null))!;
        Assert.True(result.ValueSchema!.IsOptional);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Schemaless_NullValue_StaysNull()
    {
        var result = Value("unix").ApplyUnmutated(Schemaless(null))!;
        Assert.Null(result.Value);
        Assert.Null(result.ValueSchema);
    }

    [Theory]
    [InlineData("seconds", 86_401L)]
    [InlineData("milliseconds", 86_401_234L)]
    [InlineData("microseconds", 86_401_234_000L)]
    [InlineData("nanoseconds", 86_401_234_000_000L)]
    public void UnixPrecision_Output(string precision, long expected) =>
        Assert.Equal(expected, Value("unix", ("unix.precision", precision)).ApplyUnmutated(Schemaless(DatePlusTime))!.Value);

    [Theory]
    [InlineData("seconds", 86_401L, 86_401_000L)]
    [InlineData("microseconds", 86_401_234_123L, 86_401_234L)]
    [InlineData("nanoseconds", 86_401_234_123_456L, 86_401_234L)]
    [InlineData("microseconds", -1_999L, -1L)]
    public void UnixPrecision_Input_TruncatesSubMillisecondPart(string precision, long input, long expectedMillis) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMillis),
            Value("Timestamp", ("unix.precision", precision)).ApplyUnmutated(WithSchema(Schema.Int64Schema, input))!.Value);

    [Fact]
    public void BeforeEpoch_DateAndTimeUseUtcFloor()
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(-1);
        Assert.Equal(new DateOnly(1969, 12, 31), Value("Date").Apply(Schemaless(instant))!.Value);
        Assert.Equal(new TimeOnly(23, 59, 59, 999), Value("Time").Apply(Schemaless(instant))!.Value);
        Assert.Equal("1969 12 31 23 59 59 999 UTC", Value("string").Apply(Schemaless(instant))!.Value);
    }

    [Fact]
    public void StringFormat_IsUtc()
    {
        var transform = Configured<TimestampConverter.Value>(("target.type", "string"), ("format", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
        Assert.Equal("2023-11-14T22:13:20.123Z", transform.Apply(Schemaless(1_700_000_000_123L))!.Value);
        var parse = Configured<TimestampConverter.Value>(("target.type", "unix"), ("format", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
        Assert.Equal(1_700_000_000_123L, parse.Apply(Schemaless("2023-11-15T00:13:20.123+02:00"))!.Value);
    }

    [Fact]
    public void UnparsableString_Fails()
    {
        var error = Assert.Throws<DataException>(() => Value("unix").Apply(Schemaless("not a date")));
        Assert.Equal($"Could not parse timestamp: value (not a date) does not match pattern ({StringDateFormat})", error.Message);
    }

    [Fact]
    public void UnsupportedSchemalessType_Fails()
    {
        var error = Assert.Throws<DataException>(() => Value("unix").Apply(Schemaless(42)));
        Assert.Equal("TimestampConverter does not support class java.lang.Integer objects as timestamps", error.Message);
    }

    [Fact]
    public void UnsupportedSchema_Fails()
    {
        var error = Assert.Throws<ConnectException>(() => Value("unix").Apply(WithSchema(Schema.Int32Schema, 42)));
        Assert.Equal("Schema Schema{INT32} does not correspond to a known timestamp type format", error.Message);
    }

    [Fact]
    public void WithSchema_UnixField_ToDate()
    {
        var schema = SchemaBuilder.Struct().Field("ts", Schema.Int64Schema).Build();
        var value = new StructBuilder(schema).Put("ts", DatePlusTimeUnix).Build();
        var result = Value("Date", ("field", "ts")).ApplyUnmutated(WithSchema(schema, value))!;
        Assert.Equal(DateSchema.Schema, result.ValueSchema!.FieldByName("ts")!.Schema);
        Assert.Equal(Date, ((Struct)result.Value!).Get("ts"));
    }

    [Fact]
    public void WithSchema_FieldConversion_KeepsOtherFields()
    {
        var schema = SchemaBuilder.Struct().Name("row").Field("ts", TimestampSchema.Schema).Field("other", Schema.StringSchema).Build();
        var value = new StructBuilder(schema).Put("ts", DatePlusTime).Put("other", "test").Build();

        var result = Value("string", ("field", "ts")).ApplyUnmutated(WithSchema(schema, value))!;

        var expectedSchema = SchemaBuilder.Struct().Name("row").Field("ts", Schema.StringSchema).Field("other", Schema.StringSchema).Build();
        Assert.Equal(expectedSchema, result.ValueSchema);
        Assert.Equal(new StructBuilder(expectedSchema).Put("ts", DatePlusTimeString).Put("other", "test").Build(), result.Value);
    }

    [Fact]
    public void WithSchema_FieldConversion_OptionalNullField()
    {
        var schema = SchemaBuilder.Struct().Field("ts", TimestampSchema.Builder().Optional().Build()).Field("other", Schema.StringSchema).Build();
        var value = new StructBuilder(schema).Put("ts", null).Put("other", "test").Build();
        var result = Value("unix", ("field", "ts")).ApplyUnmutated(WithSchema(schema, value))!;
        Assert.Equal(Schema.OptionalInt64Schema, result.ValueSchema!.FieldByName("ts")!.Schema);
        Assert.Null(((Struct)result.Value!).Get("ts"));
    }

    [Fact]
    public void WithSchema_FieldConversion_NullStruct_KeepsConvertedSchema()
    {
        var schema = SchemaBuilder.Struct().Optional().Field("ts", TimestampSchema.Schema).Build();
        var result = Value("unix", ("field", "ts")).ApplyUnmutated(WithSchema(schema, null))!;
        Assert.Equal(SchemaBuilder.Struct().Optional().Field("ts", Schema.Int64Schema).Build(), result.ValueSchema);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("true", 86_400_000L)]
    [InlineData("false", null)]
    public void WithSchema_FieldConversion_ReplaceNullWithDefault(string replace, long? expected)
    {
        var fieldSchema = TimestampSchema.Builder().Optional().DefaultValue(DateTimeOffset.FromUnixTimeMilliseconds(86_400_000)).Build();
        var schema = SchemaBuilder.Struct().Field("ts", fieldSchema).Build();
        var result = Value("unix", ("field", "ts"), ("replace.null.with.default", replace))
            .ApplyUnmutated(WithSchema(schema, new StructBuilder(schema).Put("ts", null).Build()))!;
        Assert.Equal(expected, ((Struct)result.Value!).GetWithoutDefault("ts"));
    }

    [Fact]
    public void Schemaless_FieldConversion()
    {
        var value = MutableMap(("ts", DatePlusTimeUnix), ("other", "test"));
        var result = AsMap(Value("string", ("field", "ts")).ApplyUnmutated(Schemaless(value))!.Value);
        Assert.Equal(DatePlusTimeString, result["ts"]);
        Assert.Equal("test", result["other"]);
    }

    [Fact]
    public void Schemaless_FieldConversion_NullAndAbsentField()
    {
        var transform = Value("unix", ("field", "ts"));
        Assert.Null(AsMap(transform.ApplyUnmutated(Schemaless(Map(("ts", null), ("other", "test"))))!.Value)["ts"]);
        var absent = AsMap(transform.ApplyUnmutated(Schemaless(Map(("other", "test"))))!.Value);
        Assert.True(absent.ContainsKey("ts"));
        Assert.Null(absent["ts"]);
    }

    [Fact]
    public void Key_ConvertsKey()
    {
        var transform = Configured<TimestampConverter.Key>(("target.type", "Timestamp"));
        var result = transform.ApplyUnmutated(SourceRecord(null, DatePlusTimeUnix, null, "v"))!;
        Assert.Equal(DatePlusTime, result.Key);
        Assert.Equal("v", result.Value);
    }

    [Fact]
    public void ClassNamesAndConfigDef_MatchKafka()
    {
        Assert.Equal("org.apache.kafka.connect.transforms.TimestampConverter$Value", TimestampConverter.ValueClassName);
        var keys = TimestampConverter.ConfigDef.Keys;
        Assert.Equal(["field", "target.type", "format", "unix.precision", "replace.null.with.default"], keys.Keys);
        Assert.Equal("milliseconds", keys["unix.precision"].DefaultValue);
        Assert.Equal(string.Empty, keys["field"].DefaultValue);
    }
}
