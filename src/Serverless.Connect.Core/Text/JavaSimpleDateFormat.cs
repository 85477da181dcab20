using System.Globalization;
using System.Text;
using Serverless.Connect.Text.Internal;

namespace Serverless.Connect.Text;

/// <summary>
/// <c>java.text.SimpleDateFormat</c> semantics for formatting and parsing: Java's pattern letters and letter counts,
/// Java's hybrid Julian/Gregorian calendar, Java's locale-dependent week rules, and Java's lenient parsing (the
/// default, which Kafka's <c>TimestampConverter</c> keeps: it only sets the zone to UTC). Instances are immutable and
/// thread-safe, unlike the Java class.
/// </summary>
/// <remarks>
/// Text comes from .NET's CLDR culture data, digits are always ASCII, and the calendar is always Gregorian/Julian
/// (Java switches to other calendars or native digits for a few locales such as <c>th-TH</c> and <c>ar-EG</c>).
/// Short zone names (<c>z</c>) are known for common zones; others print as <c>GMT+hh:mm</c>, as Java does for zones
/// without an abbreviation.
/// </remarks>
public sealed partial class JavaSimpleDateFormat
{
    /// <summary>The pattern letters SimpleDateFormat accepts.</summary>
    public const string PatternLetters = "GyYMLwWDdFEuaHkKhmsSzZX";

    private static readonly CultureInfo s_defaultLocale = CultureInfo.GetCultureInfo("en-US");

    private readonly List<DatePatternToken> _tokens;
    private readonly JavaLocaleData _localeData;
    private readonly bool _genitiveMonths;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a formatter, like <c>new SimpleDateFormat(pattern, locale)</c> followed by <c>setTimeZone</c>.</summary>
    /// <param name="pattern">A SimpleDateFormat pattern such as <c>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</c>.</param>
    /// <param name="timeZone">Zone for formatting and for parsing text without a zone; UTC when null (Kafka's choice).</param>
    /// <param name="locale">Locale for names and week rules; en-US when null.</param>
    /// <param name="timeProvider">Clock for resolving two-digit years (80 years back, 20 ahead); system clock when null.</param>
    /// <exception cref="ArgumentException">Illegal pattern letter, unterminated quote, or more than three <c>X</c>.</exception>
    public JavaSimpleDateFormat(string pattern, TimeZoneInfo? timeZone = null, CultureInfo? locale = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        Locale = locale ?? s_defaultLocale;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tokens = DatePatternTokenizer.Tokenize(pattern, PatternLetters, c => $"Illegal pattern character '{c}'");
        if (_tokens.Any(t => t.Letter == 'X' && t.Count > 3))
        {
            throw new ArgumentException("invalid ISO 8601 format: length=" + _tokens.First(t => t.Letter == 'X').Count, nameof(pattern));
        }

        _localeData = JavaLocaleData.For(Locale);
        _genitiveMonths = _tokens.Any(t => t.Letter == 'd');
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>The zone used to format, and to parse text that carries no zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The locale for month/day names, AM/PM, eras and week rules.</summary>
    public CultureInfo Locale { get; }

    /// <summary>Java's <c>setLenient</c>: when true (Java's default), out-of-range fields roll over while parsing.</summary>
    /// <value>True.</value>
    public bool Lenient { get; init; } = true;

    /// <summary>Formats milliseconds since the Unix epoch, like <c>format(new Date(epochMillis))</c>.</summary>
    /// <param name="epochMillis">The instant.</param>
    public string Format(long epochMillis)
    {
        var fields = new JavaDateFields(epochMillis, TimeZone, _localeData);
        var builder = new StringBuilder(Pattern.Length + 16);
        foreach (var token in _tokens)
        {
            if (token.IsLiteral)
            {
                builder.Append(token.Literal);
            }
            else
            {
                AppendField(builder, token, fields);
            }
        }

        return builder.ToString();
    }

    /// <summary>Formats an instant (its offset is ignored; the formatter's zone applies).</summary>
    /// <param name="instant">The instant.</param>
    public string Format(DateTimeOffset instant) => Format(instant.ToUnixTimeMilliseconds());

    private void AppendField(StringBuilder builder, DatePatternToken token, JavaDateFields f)
    {
        var count = token.Count;
        switch (token.Letter)
        {
            case 'G':
                builder.Append(_localeData.Eras[f.IsAd ? 1 : 0]);
                break;
            case 'y':
                AppendYear(builder, f.YearOfEra, count);
                break;
            case 'Y':
                AppendYear(builder, f.WeekYear > 0 ? f.WeekYear : 1 - f.WeekYear, count);
                break;
            case 'M':
                AppendMonth(builder, f.Month, count, _genitiveMonths);
                break;
            case 'L':
                AppendMonth(builder, f.Month, count, genitive: false);
                break;
            case 'w':
                AppendNumber(builder, f.WeekOfYear, count);
                break;
            case 'W':
                AppendNumber(builder, f.WeekOfMonth, count);
                break;
            case 'D':
                AppendNumber(builder, f.DayOfYear, count);
                break;
            case 'd':
                AppendNumber(builder, f.Day, count);
                break;
            case 'F':
                AppendNumber(builder, f.DayOfWeekInMonth, count);
                break;
            case 'E':
                builder.Append((count >= 4 ? _localeData.DayNames : _localeData.ShortDayNames)[f.DayOfWeek - 1]);
                break;
            case 'u':
                AppendNumber(builder, f.IsoDayOfWeek, count);
                break;
            case 'a':
                builder.Append(_localeData.AmPm[f.Hour < 12 ? 0 : 1]);
                break;
            case 'H':
                AppendNumber(builder, f.Hour, count);
                break;
            case 'k':
                AppendNumber(builder, f.Hour == 0 ? 24 : f.Hour, count);
                break;
            case 'K':
                AppendNumber(builder, f.Hour % 12, count);
                break;
            case 'h':
                AppendNumber(builder, f.Hour % 12 == 0 ? 12 : f.Hour % 12, count);
                break;
            case 'm':
                AppendNumber(builder, f.Minute, count);
                break;
            case 's':
                AppendNumber(builder, f.Second, count);
                break;
            case 'S':
                AppendNumber(builder, f.Millisecond, count);
                break;
            case 'z':
                builder.Append(JavaTimeZoneNames.Name(TimeZone, f.Instant, longForm: count >= 4));
                break;
            case 'Z':
                builder.Append(JavaTimeZoneNames.Offset(f.Offset, colon: false, minutes: true));
                break;
            default:
                builder.Append(f.Offset == TimeSpan.Zero ? "Z" : JavaTimeZoneNames.Offset(f.Offset, colon: count == 3, minutes: count > 1));
                break;
        }
    }

    private static void AppendYear(StringBuilder builder, int year, int count)
    {
        if (count == 2)
        {
            AppendNumber(builder, year % 100, 2);
        }
        else
        {
            AppendNumber(builder, year, count);
        }
    }

    private void AppendMonth(StringBuilder builder, int month, int count, bool genitive)
    {
        if (count >= 4)
        {
            builder.Append((genitive ? _localeData.MonthGenitiveNames : _localeData.MonthNames)[month - 1]);
        }
        else if (count == 3)
        {
            builder.Append((genitive ? _localeData.ShortMonthGenitiveNames : _localeData.ShortMonthNames)[month - 1]);
        }
        else
        {
            AppendNumber(builder, month, count);
        }
    }

    private static void AppendNumber(StringBuilder builder, int value, int minDigits)
    {
        if (value < 0)
        {
            builder.Append('-');
            value = -value;
        }

        var digits = value.ToString(CultureInfo.InvariantCulture);
        builder.Append('0', Math.Max(0, minDigits - digits.Length)).Append(digits);
    }
}
