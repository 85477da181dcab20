using System.Globalization;
using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Expected strings were produced by Joda-Time 2.10 DateTimeFormat.forPattern(...).withZone(...).withLocale(...).
public sealed class JodaDateTimeFormatTests
{
    private const long Monday20241230 = 1735516800000; // 2024-12-30T00:00:00Z
    private const long July2024 = 1720000000000;

    private static string Format(string pattern, long millis, string zone = "UTC", string? locale = null) =>
        new JodaDateTimeFormat(pattern, JodaDateTimeFormat.ParseZone(zone), locale is null ? null : CultureInfo.GetCultureInfo(locale))
            .Format(millis);

    [Fact]
    public void Format_HourlyPartitionerPath_UsesYearOfEraNotWeekYear()
    {
        // SimpleDateFormat and .NET would print week-year 2025 for YYYY on this date; Joda prints 2024.
        Assert.Equal("year=2024/month=12/day=30/hour=00", Format("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", Monday20241230));
        Assert.Equal("2025", new JavaSimpleDateFormat("YYYY").Format(Monday20241230));
    }

    [Theory]
    [InlineData("America/New_York", "year=2024/month=12/day=29/hour=19")]
    [InlineData("Asia/Kolkata", "year=2024/month=12/day=30/hour=05")]
    [InlineData("+05:30", "year=2024/month=12/day=30/hour=05")]
    public void Format_PartitionerPath_InConfiguredZone(string zone, string expected)
    {
        Assert.Equal(expected, Format("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", Monday20241230, zone));
    }

    [Theory]
    [InlineData(Monday20241230, "YYYY xxxx yyyy ww e E EEEE", "2024 2025 2024 01 1 Mon Monday")]
    [InlineData(1704067200000, "YYYY xxxx yyyy ww e", "2024 2024 2024 01 1")]
    [InlineData(1735171200000, "YYYY xxxx yyyy ww e", "2024 2024 2024 52 4")]
    [InlineData(1609459200000, "xxxx-'W'ww-e", "2020-W53-5")]
    public void Format_WeekFields_AreIsoRegardlessOfLocale(long millis, string pattern, string expected)
    {
        Assert.Equal(expected, Format(pattern, millis));
    }

    [Fact]
    public void Format_IsoWeeks_EvenForUsLocale()
    {
        Assert.Equal("2020-W53-5", Format("xxxx-'W'ww-e", 1609459200000, locale: "en-US"));
    }

    [Theory]
    [InlineData(Monday20241230, "G C CC Y YY YYY YYYYY y yy yyy yyyyy x xx", "AD 20 20 2024 24 2024 02024 2024 24 2024 02024 2025 25")]
    [InlineData(-62198755200000, "G C Y y", "BC 0 2 -1")]
    [InlineData(-62230291200000, "G C Y y yyyy", "BC 0 3 -2 -0002")]
    [InlineData(-62198755200000, "YYYY yyyy", "0002 -0001")]
    [InlineData(Monday20241230, "M MM MMM MMMM MMMMM d dd D DDD DDDD", "12 12 Dec December December 30 30 365 365 0365")]
    [InlineData(1735560000000, "a h hh K KK H HH k kk m mm s ss", "PM 12 12 0 00 12 12 12 12 0 00 0 00")]
    [InlineData(Monday20241230, "a h K H k", "AM 12 0 0 24")]
    [InlineData(Monday20241230 + 123, "S SS SSS SSSS SSSSSS", "1 12 123 1230 123000")]
    public void Format_LetterCounts_FollowJoda(long millis, string pattern, string expected)
    {
        Assert.Equal(expected, Format(pattern, millis));
    }

    [Theory]
    [InlineData("UTC", Monday20241230, "UTC Coordinated Universal Time +0000 +00:00 UTC")]
    [InlineData("America/New_York", Monday20241230, "EST Eastern Standard Time -0500 -05:00 America/New_York")]
    [InlineData("America/New_York", July2024, "EDT Eastern Daylight Time -0400 -04:00 America/New_York")]
    [InlineData("+05:30", July2024, "+05:30 +05:30 +0530 +05:30 +05:30")]
    [InlineData("Europe/Berlin", July2024, "CEST Central European Summer Time +0200 +02:00 Europe/Berlin")]
    [InlineData("Asia/Kathmandu", July2024, "NPT Nepal Time +0545 +05:45 Asia/Kathmandu")]
    [InlineData("Etc/GMT+5", 0, "-05:00 -05:00 -0500 -05:00 Etc/GMT+5")]
    [InlineData("GMT", 0, "GMT Greenwich Mean Time +0000 +00:00 Etc/GMT")]
    public void Format_ZoneFields_FollowJoda(string zone, long millis, string expected)
    {
        Assert.Equal(expected, Format("z zzzz Z ZZ ZZZ", millis, zone));
    }

    [Theory]
    [InlineData("'It''s' '' HH 'o''clock'", Monday20241230, "It's ' 00 o'clock")]
    [InlineData("'a''b", 0, "a'b")]
    [InlineData("''", 0, "'")]
    [InlineData("yyyy'unterminated", 0, "1970unterminated")]
    [InlineData("yyyy/MM#dd_HH-mm.ss,SSS", 0, "1970/01#01_00-00.00,000")]
    public void Format_QuotesAndPunctuation(string pattern, long millis, string expected)
    {
        Assert.Equal(expected, Format(pattern, millis));
    }

    [Theory]
    [InlineData(-12219292800001, "1582-10-14")]
    [InlineData(-62135769600000, "0000-12-30")]
    [InlineData(253402300800000, "100000101")]
    public void Format_UsesProlepticGregorianCalendar(long millis, string expected)
    {
        var pattern = millis > 0 ? "yyyyMMdd" : "yyyy-MM-dd";

        Assert.Equal(expected, Format(pattern, millis));
    }

    [Theory]
    [InlineData("fr-FR", "EEEE d MMMM YYYY", "lundi 30 d\u00e9cembre 2024")]
    [InlineData("ru-RU", "EEEE d MMMM YYYY", "\u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a 30 \u0434\u0435\u043a\u0430\u0431\u0440\u044f 2024")]
    [InlineData("ru-RU", "MMMM", "\u0434\u0435\u043a\u0430\u0431\u0440\u044f")]
    [InlineData("en-GB", "dd/MM/yyyy HH", "30/12/2024 00")]
    public void Format_LocaleText(string locale, string pattern, string expected)
    {
        Assert.Equal(expected, Format(pattern, Monday20241230, locale: locale));
    }

    [Fact]
    public void Constructor_UnknownLetter_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new JodaDateTimeFormat("q"));

        Assert.StartsWith("Illegal pattern component: q", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("+05", 300)]
    [InlineData("-08:00", -480)]
    [InlineData("+0530", 330)]
    public void ParseZone_OffsetsAndUtc(string id, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), JodaDateTimeFormat.ParseZone(id).BaseUtcOffset);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("+5:3")]
    [InlineData("+25:00")]
    public void ParseZone_Unknown_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => JodaDateTimeFormat.ParseZone(id));
    }
}
