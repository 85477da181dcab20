using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class LogicalTypeTests
{
    [Fact]
    public void Decimal_Schema_MatchesKafka()
    {
        var schema = DecimalSchema.Create(2);

        Assert.Equal(SchemaType.Bytes, schema.Type);
        Assert.Equal("org.apache.kafka.connect.data.Decimal", schema.Name);
        Assert.Equal(1, schema.Version);
        Assert.Equal("2", schema.Parameters!["scale"]);
    }

    [Theory]
    [InlineData(156, new byte[] { 0x00, 0x9C })]
    [InlineData(-156, new byte[] { 0xFF, 0x64 })]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x00, 0x80 })]
    [InlineData(-1, new byte[] { 0xFF })]
    public void Decimal_EncodesBigEndianTwosComplement(long unscaled, byte[] expected)
    {
        var schema = DecimalSchema.Create(2);

        Assert.Equal(expected, DecimalSchema.FromLogical(schema, new ConnectDecimal(unscaled, 2)));
        Assert.Equal(new ConnectDecimal(unscaled, 2), DecimalSchema.ToLogical(schema, expected));
    }

    [Fact]
    public void Decimal_ScaleMismatch_Throws()
    {
        var e = Assert.Throws<DataException>(() => DecimalSchema.FromLogical(DecimalSchema.Create(2), new ConnectDecimal(15, 1)));
        Assert.Equal("BigDecimal has mismatching scale value for given Decimal schema", e.Message);
    }

    [Fact]
    public void Decimal_MissingScale_Throws()
    {
        var schema = SchemaBuilder.Bytes().Name(DecimalSchema.LogicalName).Build();
        var e = Assert.Throws<DataException>(() => DecimalSchema.ToLogical(schema, new byte[] { 1 }));
        Assert.Equal("Invalid Decimal schema: scale parameter not found.", e.Message);
    }

    [Fact]
    public void Date_IsDaysSinceEpoch()
    {
        Assert.Equal(10000, DateSchema.FromLogical(DateSchema.Schema, new DateOnly(1997, 5, 19)));
        Assert.Equal(new DateOnly(1969, 12, 31), DateSchema.ToLogical(DateSchema.Schema, -1));
        Assert.Equal("org.apache.kafka.connect.data.Date", DateSchema.Schema.Name);
        Assert.Equal(SchemaType.Int32, DateSchema.Schema.Type);
        Assert.Throws<DataException>(() => DateSchema.FromLogical(Schema.Int32Schema, new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void Time_IsMillisOfDay()
    {
        Assert.Equal(14400000, TimeSchema.FromLogical(TimeSchema.Schema, new TimeOnly(4, 0)));
        Assert.Equal(new TimeOnly(0, 0, 1, 500), TimeSchema.ToLogical(TimeSchema.Schema, 1500));
        Assert.Throws<DataException>(() => TimeSchema.ToLogical(TimeSchema.Schema, -1));
        Assert.Throws<DataException>(() => TimeSchema.ToLogical(TimeSchema.Schema, 86400001));
    }

    [Fact]
    public void Timestamp_IsEpochMillis()
    {
        var instant = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        Assert.Equal(1704164645678L, TimestampSchema.FromLogical(TimestampSchema.Schema, instant));
        Assert.Equal(instant, TimestampSchema.ToLogical(TimestampSchema.Schema, 1704164645678L));
        Assert.Equal(TimeSpan.Zero, TimestampSchema.ToLogical(TimestampSchema.Schema, 0).Offset);
        Assert.Equal(SchemaType.Int64, TimestampSchema.Schema.Type);
    }
}
