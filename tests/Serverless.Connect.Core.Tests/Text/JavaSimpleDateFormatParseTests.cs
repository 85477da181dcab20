using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Expected instants were produced by java.text.SimpleDateFormat.parse on JDK 17 (UTC, Locale.US, lenient unless stated).
public sealed class JavaSimpleDateFormatParseTests
{
    private static readonly TimeProvider s_clock = new FixedClock(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static long Parse(string pattern, string text, string zone = "UTC", bool lenient = true) =>
        new JavaSimpleDateFormat(pattern, TimeZoneInfo.FindSystemTimeZoneById(zone), timeProvider: s_clock) { Lenient = lenient }
            .ParseEpochMillis(text);

    [Theory]
    [InlineData("yyyy MM dd HH mm ss SSS z", "1970 01 02 00 00 01 234 UTC", 86401234)]
    [InlineData("yyyyMMdd", "20240115", 1705276800000)]
    [InlineData("yyyyMMddHHmmss", "20240115123456", 1705322096000)]
    [InlineData("yyyyMMdd", "2024115", 1730764800000)]
    [InlineData("HHmmss", "123456", 45296000)]
    [InlineData("yyyy-MM-dd", "2024-01-15xyz", 1705276800000)]
    [InlineData("yyyy-MM-dd", "2024-1-5", 1704412800000)]
    [InlineData("yyyy-MM-dd", " 2024- 01-  15", 1705276800000)]
    [InlineData("yyyy-MM-dd HH:mm", "2024-01-15  10:30", 1705314600000)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "2024-01-15T10:30:00.123Z", 1705314600123)]
    [InlineData("MMM d, yyyy", "Jan 5, 2024", 1704412800000)]
    [InlineData("'day' dd", "day 05", 345600000)]
    public void Parse_Lenient_MatchesJava(string pattern, string text, long expected)
    {
        Assert.Equal(expected, Parse(pattern, text));
    }

    [Theory]
    [InlineData("yyyy-MM-dd", "2024-02-30", 1709251200000)]
    [InlineData("yyyy-MM-dd", "2024-13-01", 1735689600000)]
    [InlineData("HH:mm", "25:30", 91800000)]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS", "2024-01-15 10:30:00.5", 1705314600005)]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS", "2024-01-15 10:30:00.1234", 1705314601234)]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS", "2024-01-15 10:30:00.123456", 1705314723456)]
    [InlineData("EEE yyyy-MM-dd", "Tue 2024-01-15", 1705276800000)]
    [InlineData("yyyy-MM-dd", "1582-10-10", -12218860800000)]
    [InlineData("yyyy-MM-dd", "0001-01-01", -62135769600000)]
    [InlineData("yyyy-MM-dd G", "0001-01-01 BC", -62167392000000)]
    [InlineData("yyyy-MM-dd", "-2024-01-01", -126039974400000)]
    public void Parse_Lenient_RollsOverOutOfRangeFieldsLikeJava(string pattern, string text, long expected)
    {
        Assert.Equal(expected, Parse(pattern, text));
    }

    [Theory]
    [InlineData("yyyy-MM-dd", "2024-02-30")]
    [InlineData("yyyy-MM-dd", "2024-13-01")]
    [InlineData("HH:mm", "25:30")]
    [InlineData("EEE yyyy-MM-dd", "Tue 2024-01-15")]
    public void Parse_NonLenient_RejectsOutOfRangeFields(string pattern, string text)
    {
        var error = Assert.Throws<FormatException>(() => Parse(pattern, text, lenient: false));

        Assert.Equal($"Unparseable date: \"{text}\"", error.Message);
    }

    [Theory]
    [InlineData("yyyy-MM-dd", "2024 -01-15")]
    [InlineData("yyyy-MM-dd", "+2024-01-01")]
    [InlineData("yyyy", "abc")]
    [InlineData("yyyy-MM-dd", "2024-01")]
    [InlineData("yyyy-MM-dd", "")]
    [InlineData("'day' dd", "DAY 05")]
    [InlineData("yyyy-MM-dd", "2024/01/15")]
    [InlineData("dd MM yyyy", "15 Jan 2024")]
    [InlineData("HH:mm:ss", "12:34")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-01-15T10:30:00+0530")]
    public void Parse_Mismatch_Throws(string pattern, string text)
    {
        Assert.Throws<FormatException>(() => Parse(pattern, text));
    }

    [Theory]
    [InlineData("dd MMM yyyy", "15 jan 2024")]
    [InlineData("dd MMM yyyy", "15 January 2024")]
    [InlineData("dd MMMM yyyy", "15 Jan 2024")]
    public void Parse_MonthNames_AreCaseInsensitiveInEitherLength(string pattern, string text)
    {
        Assert.Equal(1705276800000, Parse(pattern, text));
    }

    [Theory]
    [InlineData("EEE, dd MMM yyyy HH:mm:ss Z", "Mon, 15 Jan 2024 10:30:00 +0100", 1705311000000)]
    [InlineData("EEE, dd MMM yyyy HH:mm:ss z", "Mon, 15 Jan 2024 10:30:00 PST", 1705343400000)]
    [InlineData("EEE, dd MMM yyyy HH:mm:ss z", "Mon, 15 Jan 2024 10:30:00 GMT+05:30", 1705294800000)]
    [InlineData("EEE, dd MMM yyyy HH:mm:ss z", "Mon, 15 Jan 2024 10:30:00 -0800", 1705343400000)]
    [InlineData("EEE, dd MMM yyyy HH:mm:ss Z", "Mon, 15 Jan 2024 10:30:00 PST", 1705343400000)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-01-15T10:30:00Z", 1705314600000)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-01-15T10:30:00+05:30", 1705294800000)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssXX", "2024-01-15T10:30:00+0530", 1705294800000)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssX", "2024-01-15T10:30:00+05", 1705296600000)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssX", "2024-01-15T10:30:00+0530", 1705296600000)]
    public void Parse_ZoneInText_OverridesFormatterZone(string pattern, string text, long expected)
    {
        Assert.Equal(expected, Parse(pattern, text));
    }

    [Theory]
    [InlineData("hh:mm a", "10:30 PM", 81000000)]
    [InlineData("hh:mm a", "12:30 AM", 1800000)]
    [InlineData("hh:mm a", "12:30 pm", 45000000)]
    [InlineData("kk:mm", "24:30", 1800000)]
    [InlineData("KK:mm a", "11:30 PM", 84600000)]
    public void Parse_HourFields(string pattern, string text, long expected)
    {
        Assert.Equal(expected, Parse(pattern, text));
    }

    [Theory]
    [InlineData("yyyy-MM-dd HH:mm", "2024-03-10 02:30", 1710055800000)]
    [InlineData("yyyy-MM-dd HH:mm", "2024-11-03 01:30", 1730615400000)]
    public void Parse_DstGapAndOverlap_UseStandardOffset(string pattern, string text, long expected)
    {
        Assert.Equal(expected, Parse(pattern, text, "America/New_York"));
    }

    [Theory]
    [InlineData("yyyy-'W'ww-u", "2025-W01-1", 1735516800000)]
    [InlineData("YYYY-'W'ww-u", "2025-W01-1", 1735516800000)]
    [InlineData("yyyy-DDD", "2024-060", 1709164800000)]
    public void Parse_WeekAndDayOfYearFields(string pattern, string text, long expected)
    {
        Assert.Equal(expected, Parse(pattern, text));
    }

    [Theory]
    [InlineData("24-01-15", 1705276800000)]
    [InlineData("45-01-15", 2368051200000)]
    [InlineData("46-01-15", -756172800000)]
    [InlineData("2024-01-15", 1705276800000)]
    public void Parse_TwoDigitYear_ResolvesWithinEightyYearsBeforeNow(string text, long expected)
    {
        // Clock is 2025-06-01: the century window starts 1945-06-01.
        Assert.Equal(expected, Parse("yy-MM-dd", text));
    }

    [Fact]
    public void Parse_FourDigitPatternWithTwoDigitYear_IsYear24()
    {
        Assert.Equal(-61408800000000, Parse("yyyy-MM-dd", "24-01-15"));
    }

    [Fact]
    public void Parse_TextWithoutZone_UsesFormatterZone()
    {
        Assert.Equal(1705294800000, Parse("yyyy-MM-dd HH:mm:ss", "2024-01-15 10:30:00", "Asia/Kolkata"));
        Assert.Equal(1705314600000, Parse("yyyy-MM-dd HH:mm:ss z", "2024-01-15 10:30:00 UTC", "Asia/Kolkata"));
    }

    [Fact]
    public void TryParse_FromIndex_ReportsEnd()
    {
        var format = new JavaSimpleDateFormat("HH:mm");

        Assert.True(format.TryParse("at 10:30 sharp", 3, out var millis, out var end));
        Assert.Equal(37800000, millis);
        Assert.Equal(8, end);
        Assert.False(format.TryParse("nope", out _));
    }

    [Fact]
    public void FormatThenParse_RoundTrips()
    {
        var format = new JavaSimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        const long Instant = 1720000000123;

        Assert.Equal(Instant, format.ParseEpochMillis(format.Format(Instant)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
