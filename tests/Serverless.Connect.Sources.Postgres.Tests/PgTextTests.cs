using Serverless.Connect.Sources.Postgres.Internal;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class PgTextTests
{
    [Theory]
    [InlineData("1970-01-01", 0)]
    [InlineData("1969-12-31", -1)]
    [InlineData("2000-02-29", 11016)]
    [InlineData("0001-01-01", -719162)]
    [InlineData("0001-12-31 BC", -719163)]
    public void Dates_are_days_since_the_epoch_in_the_proleptic_calendar(string text, int expected) =>
        Assert.Equal(expected, PgText.ParseEpochDay(text));

    [Theory]
    [InlineData("1970-01-01 00:00:00", 0L)]
    [InlineData("1969-12-31 23:59:59.999999", -1L)]
    [InlineData("2024-01-02 03:04:05.678123+00", 1704164645678123L)]
    [InlineData("2024-01-02 05:34:05.678123+02:30", 1704164645678123L)]
    [InlineData("2024-01-02 03:04:05.5", 1704164645500000L)]
    public void Timestamps_are_microseconds_since_the_epoch_in_utc(string text, long expected) =>
        Assert.Equal(expected, PgText.ParseEpochMicros(text));

    [Fact]
    public void Time_of_24_00_is_a_full_day() => Assert.Equal(86_400_000_000L, PgText.ParseMicrosOfDay("24:00:00"));

    [Theory]
    [InlineData("PT0S", "P0Y0M0DT0H0M0S", 0L)]
    [InlineData("P-1Y-2M3DT-4H-5M-6.5S", "P-1Y-2M3DT-4H-5M-6.5S", -36572706500000L)]
    [InlineData("P1D", "P0Y0M1DT0H0M0S", 86_400_000_000L)]
    public void Iso_intervals_parse_to_Debeziums_string_and_micro_duration(string text, string iso, long micros)
    {
        var interval = PgInterval.Parse(text);
        Assert.Equal(iso, interval.ToIsoString());
        Assert.Equal(micros, interval.ToMicros());
    }

    [Fact]
    public void Array_literals_handle_quotes_escapes_and_nulls() =>
        Assert.Equal(["a,b", "q\"x", null, "NULL", "c"], PgText.ParseArray("{\"a,b\",\"q\\\"x\",NULL,\"NULL\",c}"));

    [Fact]
    public void Hstore_output_is_parsed_with_null_values() =>
        Assert.Equal(
            [new("a", "1"), new("b c", null)],
            PgText.ParseHStore("\"a\"=>\"1\", \"b c\"=>NULL"));
}
