using System.Text;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class DebeziumSchemaTests
{
    private static readonly Serverless.Connect.Converters.JsonConverter _json = new();

    private static string Json(SchemaBuilder builder) => Encoding.UTF8.GetString(_json.SchemaToJson(builder.Build()).Span);

    public static TheoryData<string, string> PrimitiveBuilders() => new()
    {
        { Json(DebeziumTime.Date()), "{\"type\":\"int32\",\"optional\":false,\"name\":\"io.debezium.time.Date\",\"version\":1}" },
        { Json(DebeziumTime.Time()), "{\"type\":\"int32\",\"optional\":false,\"name\":\"io.debezium.time.Time\",\"version\":1}" },
        { Json(DebeziumTime.MicroTime()), "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.MicroTime\",\"version\":1}" },
        { Json(DebeziumTime.NanoTime()), "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.NanoTime\",\"version\":1}" },
        { Json(DebeziumTime.Timestamp()), "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.Timestamp\",\"version\":1}" },
        { Json(DebeziumTime.MicroTimestamp()), "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.MicroTimestamp\",\"version\":1}" },
        { Json(DebeziumTime.NanoTimestamp()), "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.NanoTimestamp\",\"version\":1}" },
        { Json(DebeziumTime.ZonedTimestamp().Optional()), "{\"type\":\"string\",\"optional\":true,\"name\":\"io.debezium.time.ZonedTimestamp\",\"version\":1}" },
        { Json(DebeziumTime.ZonedTime()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.ZonedTime\",\"version\":1}" },
        { Json(DebeziumTime.MicroDuration()), "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.MicroDuration\",\"version\":1}" },
        { Json(DebeziumTime.Interval()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.Interval\",\"version\":1}" },
        { Json(DebeziumTime.Year()), "{\"type\":\"int32\",\"optional\":false,\"name\":\"io.debezium.time.Year\",\"version\":1}" },
        { Json(DebeziumTime.IsoDate()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.IsoDate\",\"version\":1}" },
        { Json(DebeziumData.Json()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Json\",\"version\":1}" },
        { Json(DebeziumData.Xml()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Xml\",\"version\":1}" },
        { Json(DebeziumData.Uuid()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Uuid\",\"version\":1}" },
        { Json(DebeziumData.Ltree()), "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Ltree\",\"version\":1}" },
        { Json(DebeziumData.Bits(3)), "{\"type\":\"bytes\",\"optional\":false,\"name\":\"io.debezium.data.Bits\",\"version\":1,\"parameters\":{\"length\":\"3\"}}" },
        {
            Json(DebeziumData.Enum(["red", "green"])),
            "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Enum\",\"version\":1,\"parameters\":{\"allowed\":\"red,green\"}}"
        },
        {
            Json(DebeziumData.EnumSet(["a", "b"])),
            "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.EnumSet\",\"version\":1,\"parameters\":{\"allowed\":\"a,b\"}}"
        },
        {
            Json(DebeziumData.VariableScaleDecimal().Optional()),
            "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"scale\"},{\"type\":\"bytes\",\"optional\":false,\"field\":\"value\"}]," +
            "\"optional\":true,\"name\":\"io.debezium.data.VariableScaleDecimal\",\"version\":1,\"doc\":\"Variable scaled decimal\"}"
        },
        {
            Json(DebeziumData.Point()),
            "{\"type\":\"struct\",\"fields\":[{\"type\":\"double\",\"optional\":false,\"field\":\"x\"},{\"type\":\"double\",\"optional\":false,\"field\":\"y\"}," +
            "{\"type\":\"bytes\",\"optional\":true,\"field\":\"wkb\"},{\"type\":\"int32\",\"optional\":true,\"field\":\"srid\"}]," +
            "\"optional\":false,\"name\":\"io.debezium.data.geometry.Point\",\"version\":1,\"doc\":\"Geometry (POINT)\"}"
        },
        {
            Json(DebeziumData.Geometry()),
            "{\"type\":\"struct\",\"fields\":[{\"type\":\"bytes\",\"optional\":false,\"field\":\"wkb\"},{\"type\":\"int32\",\"optional\":true,\"field\":\"srid\"}]," +
            "\"optional\":false,\"name\":\"io.debezium.data.geometry.Geometry\",\"version\":1,\"doc\":\"Geometry\"}"
        },
        {
            Json(DebeziumData.Geography()),
            "{\"type\":\"struct\",\"fields\":[{\"type\":\"bytes\",\"optional\":false,\"field\":\"wkb\"},{\"type\":\"int32\",\"optional\":false,\"field\":\"srid\"}]," +
            "\"optional\":false,\"name\":\"io.debezium.data.geometry.Geography\",\"version\":1,\"doc\":\"Geography\"}"
        },
    };

    [Theory]
    [MemberData(nameof(PrimitiveBuilders))]
    public void Builders_ProduceDebeziumSchemas(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void VariableScaleDecimal_RoundTrips()
    {
        var schema = DebeziumData.VariableScaleDecimal().Build();
        var encoded = DebeziumData.ToVariableScaleDecimal(schema, ConnectDecimal.Parse("-12.345"));

        Assert.Equal(3, encoded.GetInt32("scale"));
        Assert.Equal(new byte[] { 0xCF, 0xC7 }, encoded.GetBytes("value"));
        Assert.Equal(ConnectDecimal.Parse("-12.345"), DebeziumData.FromVariableScaleDecimal(encoded));
    }

    [Fact]
    public void TimeHelpers_EncodeLikeDebezium()
    {
        var timestamp = new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Unspecified).AddTicks(1239);

        Assert.Equal(19724, DebeziumTime.ToEpochDay(new DateOnly(2024, 1, 2)));
        Assert.Equal(1704164645678L, DebeziumTime.ToEpochMillis(timestamp));
        Assert.Equal(1704164645678123L, DebeziumTime.ToEpochMicros(timestamp));
        Assert.Equal(1704164645678123900L, DebeziumTime.ToEpochNanos(timestamp));
        Assert.Equal(-1L, DebeziumTime.ToEpochMicros(new DateTime(1969, 12, 31, 23, 59, 59, 999, DateTimeKind.Unspecified).AddTicks(9995)));
        Assert.Equal(timestamp.AddTicks(-9), DebeziumTime.FromEpochMicros(1704164645678123L));
        Assert.Equal(3723000000L, DebeziumTime.ToMicrosOfDay(new TimeSpan(1, 2, 3)));
        Assert.Equal(3723000, DebeziumTime.ToMillisOfDay(new TimeSpan(1, 2, 3)));
        Assert.Equal(86400000000L, DebeziumTime.ToMicrosOfDay(TimeSpan.FromDays(1)));
    }

    [Fact]
    public void ZonedTimestamp_IsUtcWithFixedFraction()
    {
        var instant = new DateTimeOffset(2024, 1, 1, 13, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("2024-01-01T12:00:00.000000Z", DebeziumTime.FormatZonedTimestamp(instant));
        Assert.Equal("2024-01-01T12:00:00Z", DebeziumTime.FormatZonedTimestamp(instant, 0));
        Assert.Equal("2024-01-01T12:00:00.123Z", DebeziumTime.FormatZonedTimestamp(instant.AddMilliseconds(123), 3));
    }

    [Fact]
    public void DurationMicros_UsesAverageMonth()
    {
        // 1 month = 30.4375 days
        Assert.Equal(2629800000000L, DebeziumTime.DurationMicros(0, 1, 0, 0, 0, 0));
        Assert.Equal(1_500_000L, DebeziumTime.DurationMicros(0, 0, 0, 0, 0, 1.5));
    }
}
