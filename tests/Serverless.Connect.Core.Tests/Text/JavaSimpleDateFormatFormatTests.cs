using System.Globalization;
using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Expected strings were produced by java.text.SimpleDateFormat on JDK 17 (UTC, Locale.US unless stated).
public sealed class JavaSimpleDateFormatFormatTests
{
    private const long Monday20241230 = 1735516800000; // 2024-12-30T00:00:00Z
    private const long Monday20241230Noon = 1735560000000;
    private const long July2024 = 1720000000000; // 2024-07-03T09:46:40Z

    private static string Format(string pattern, long millis, string zone = "UTC", string? locale = null)
    {
        var culture = locale is null ? null : locale == "root" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(locale);
        return new JavaSimpleDateFormat(pattern, TimeZoneInfo.FindSystemTimeZoneById(zone), culture).Format(millis);
    }

    [Fact]
    public void Format_KafkaTimestampConverterPattern()
    {
        Assert.Equal("1970 01 02 00 00 01 234 UTC", Format("yyyy MM dd HH mm ss SSS z", 86401234));
    }

    [Fact]
    public void Format_KafkaTimestampRouterDefault()
    {
        Assert.Equal("20241230", Format("yyyyMMdd", Monday20241230));
    }

    [Theory]
    [InlineData("G y yy yyy yyyyy Y YY", "AD 2024 24 2024 02024 2025 25")]
    [InlineData("M MM MMM MMMM MMMMM L LL LLL LLLL", "12 12 Dec December December 12 12 Dec December")]
    [InlineData("E EE EEE EEEE EEEEE u uu", "Mon Mon Mon Monday Monday 1 01")]
    [InlineData("d dd D DDD F w ww W", "30 30 365 365 5 1 01 5")]
    [InlineData("a h hh K KK k kk H HH", "AM 12 12 0 00 24 24 0 00")]
    [InlineData("z zzzz Z ZZZZ X XX XXX", "UTC Coordinated Universal Time +0000 +0000 Z Z Z")]
    [InlineData("'It''s' '' hh 'o''clock'", "It's ' 12 o'clock")]
    public void Format_LetterCounts_FollowJava(string pattern, string expected)
    {
        Assert.Equal(expected, Format(pattern, Monday20241230));
    }

    [Fact]
    public void Format_Afternoon_UsesTwelveHourFields()
    {
        Assert.Equal("PM 12 12 0 00 12 12 12 12", Format("a h hh K KK k kk H HH", Monday20241230Noon));
    }

    [Fact]
    public void Format_MillisecondField_IsZeroPaddedCount()
    {
        Assert.Equal("5 05 005 0005", Format("S SS SSS SSSS", Monday20241230 + 5));
    }

    [Theory]
    [InlineData("en-US", "2025-W01-1")]
    [InlineData("en-GB", "2025-W01-1")]
    public void Format_WeekYearAtYearEnd_DiffersFromCalendarYear(string locale, string expected)
    {
        Assert.Equal(expected, Format("YYYY-'W'ww-u", Monday20241230, locale: locale));
    }

    [Theory]
    [InlineData(Monday20241230, "root", "2025 01")]
    [InlineData(1704067200000, "root", "2024 01")]
    [InlineData(1704067200000, "de-DE", "2024 01")]
    public void Format_WeekRules_ComeFromTheLocale(long millis, string locale, string expected)
    {
        Assert.Equal(expected, Format("YYYY ww", millis, locale: locale));
    }

    [Theory]
    [InlineData("America/New_York", Monday20241230, "EST Eastern Standard Time -0500 -05 -0500 -05:00")]
    [InlineData("America/New_York", July2024, "EDT Eastern Daylight Time -0400 -04 -0400 -04:00")]
    [InlineData("Asia/Kathmandu", July2024, "NPT Nepal Time +0545 +05 +0545 +05:45")]
    [InlineData("Etc/GMT+5", July2024, "GMT-05:00 GMT-05:00 -0500 -05 -0500 -05:00")]
    [InlineData("GMT", July2024, "GMT Greenwich Mean Time +0000 Z Z Z")]
    public void Format_ZoneFields(string zone, long millis, string expected)
    {
        Assert.Equal(expected, Format("z zzzz Z X XX XXX", millis, zone));
    }

    [Theory]
    [InlineData("Europe/Berlin", July2024, "CEST Central European Summer Time")]
    [InlineData("Europe/Berlin", Monday20241230, "CET Central European Standard Time")]
    [InlineData("Europe/London", July2024, "BST British Summer Time")]
    [InlineData("Asia/Kolkata", July2024, "IST India Standard Time")]
    [InlineData("Asia/Tokyo", July2024, "JST Japan Standard Time")]
    [InlineData("America/Los_Angeles", July2024, "PDT Pacific Daylight Time")]
    public void Format_ZoneNames_MatchJavaCldrNames(string zone, long millis, string expected)
    {
        Assert.Equal(expected, Format("z zzzz", millis, zone));
    }

    [Theory]
    [InlineData(-1000, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "1969-12-31T23:59:59.000Z")]
    [InlineData(-62135769600000, "yyyy-MM-dd G", "0001-01-01 AD")]
    [InlineData(-62198755200000, "yyyy-MM-dd G", "0002-01-03 BC")]
    [InlineData(-12219292800001, "yyyy-MM-dd G", "1582-10-04 AD")]
    [InlineData(-12219292800000, "yyyy-MM-dd G", "1582-10-15 AD")]
    public void Format_BeforeEpochAndGregorianCutover_UsesJulianCalendar(long millis, string pattern, string expected)
    {
        Assert.Equal(expected, Format(pattern, millis));
    }

    [Theory]
    [InlineData("fr-FR", "EEEE d MMMM yyyy", "lundi 30 d\u00e9cembre 2024")]
    [InlineData("de-DE", "EEEE d MMMM yyyy", "Montag 30 Dezember 2024")]
    [InlineData("ru-RU", "d MMMM", "30 \u0434\u0435\u043a\u0430\u0431\u0440\u044f")]
    [InlineData("ru-RU", "LLLL", "\u0434\u0435\u043a\u0430\u0431\u0440\u044c")]
    public void Format_LocaleText(string locale, string pattern, string expected)
    {
        Assert.Equal(expected, Format(pattern, Monday20241230, locale: locale));
    }

    [Fact]
    public void Format_DateTimeOffset_IgnoresItsOffset()
    {
        var instant = new DateTimeOffset(2024, 12, 30, 9, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal("2024-12-30 00:00", new JavaSimpleDateFormat("yyyy-MM-dd HH:mm").Format(instant));
    }

    [Theory]
    [InlineData("q", "Illegal pattern character 'q'")]
    [InlineData("XXXX", "invalid ISO 8601 format: length=4")]
    [InlineData("yyyy 'unterminated", "Unterminated quote")]
    public void Constructor_BadPattern_Throws(string pattern, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new JavaSimpleDateFormat(pattern));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
