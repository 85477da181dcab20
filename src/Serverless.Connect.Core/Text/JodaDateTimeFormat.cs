using System.Globalization;
using System.Text;
using Serverless.Connect.Text.Internal;

namespace Serverless.Connect.Text;

/// <summary>
/// Formatting with a Joda-Time <c>DateTimeFormat.forPattern</c> pattern, as the Confluent storage sinks use for
/// <c>path.format</c>. Joda differs from SimpleDateFormat: <c>Y</c> is year of era (not week year), <c>x</c> is the
/// week year, weeks are always ISO (Monday first, four-day minimum), <c>e</c> is the ISO day number, <c>C</c> the
/// century of era, <c>S</c> a fraction of the second, <c>Z</c>/<c>ZZ</c> never print <c>Z</c>, <c>ZZZ</c> is the zone id,
/// and the calendar is proleptic Gregorian (ISO chronology). Parsing is not provided. Thread-safe.
/// </summary>
public sealed class JodaDateTimeFormat
{
    /// <summary>The pattern letters Joda-Time accepts.</summary>
    public const string PatternLetters = "GCYxwweEyDMdaKhHkmsSzZ";

    private const long MillisPerDay = 86_400_000;
    private const int IsoMonday = 2;
    private const int IsoMinimalDays = 4;

    private static readonly CultureInfo s_defaultLocale = CultureInfo.GetCultureInfo("en-US");

    private readonly List<DatePatternToken> _tokens;
    private readonly JavaLocaleData _localeData;

    /// <summary>Creates a formatter, like <c>DateTimeFormat.forPattern(pattern).withZone(zone).withLocale(locale)</c>.</summary>
    /// <param name="pattern">A Joda pattern such as <c>'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH</c>.</param>
    /// <param name="timeZone">The zone; UTC when null. <see cref="ParseZone"/> reads Joda zone ids.</param>
    /// <param name="locale">Locale for text fields; en-US when null.</param>
    /// <exception cref="ArgumentException">The pattern has a letter Joda does not define.</exception>
    public JodaDateTimeFormat(string pattern, TimeZoneInfo? timeZone = null, CultureInfo? locale = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        Locale = locale ?? s_defaultLocale;
        _tokens = DatePatternTokenizer.Tokenize(pattern, PatternLetters, c => $"Illegal pattern component: {c}", unterminatedQuoteIsLiteral: true);
        _localeData = JavaLocaleData.For(Locale);
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>
    /// Gets the length of the pattern's finest calendar field when it has a fixed length (a second, minute, hour, day or
    /// week), or null when the finest field is a month, year or era, whose lengths vary, or the pattern has no field.
    /// </summary>
    public TimeSpan? FinestFixedUnit
    {
        get
        {
            TimeSpan? finest = null;
            foreach (var token in _tokens)
            {
                if (token.IsLiteral)
                {
                    continue;
                }

                TimeSpan? unit = token.Letter switch
                {
                    'S' => TimeSpan.FromMilliseconds(1),
                    's' => TimeSpan.FromSeconds(1),
                    'm' => TimeSpan.FromMinutes(1),
                    'H' or 'k' or 'h' or 'K' => TimeSpan.FromHours(1),
                    'a' => TimeSpan.FromHours(12),
                    'd' or 'D' or 'e' or 'E' => TimeSpan.FromDays(1),
                    'w' => TimeSpan.FromDays(7),
                    _ => null,
                };
                // Month, year and era lengths vary; zone letters are no calendar field.
                if (unit is not null && (finest is null || unit < finest))
                {
                    finest = unit;
                }
            }

            return finest;
        }
    }

    /// <summary>The zone instants are shown in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The locale for month, day, era and AM/PM text.</summary>
    public CultureInfo Locale { get; }

    /// <summary>
    /// Resolves a Joda <c>DateTimeZone.forID</c> id: <c>UTC</c>, an IANA id such as <c>America/New_York</c>, or a fixed
    /// offset <c>+hh</c>, <c>+hh:mm</c>, <c>-hhmm</c>.
    /// </summary>
    /// <param name="id">The zone id.</param>
    /// <exception cref="ArgumentException">Joda would not recognise the id.</exception>
    public static TimeZoneInfo ParseZone(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id == "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        if (id[0] is '+' or '-')
        {
            var offset = ParseOffset(id) ?? throw new ArgumentException($"The datetime zone id '{id}' is not recognised", nameof(id));
            var normalized = offset == TimeSpan.Zero ? "UTC" : JavaTimeZoneNames.Offset(offset, colon: true, minutes: true);
            return offset == TimeSpan.Zero ? TimeZoneInfo.Utc : TimeZoneInfo.CreateCustomTimeZone(normalized, offset, normalized, normalized);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"The datetime zone id '{id}' is not recognised", nameof(id), e);
        }
    }

    /// <summary>Formats milliseconds since the Unix epoch, like Joda's <c>print(long)</c>.</summary>
    /// <param name="epochMillis">The instant.</param>
    public string Format(long epochMillis)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(epochMillis,
            DateTimeOffset.MinValue.ToUnixTimeMilliseconds() + MillisPerDay, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() - MillisPerDay));
        var offset = TimeZone.GetUtcOffset(instant);
        var local = epochMillis + (long)offset.TotalMilliseconds;
        var epochDay = JavaCalendar.FloorDiv(local, MillisPerDay);
        var millisOfDay = (int)JavaCalendar.FloorMod(local, MillisPerDay);
        var (year, month, day) = JavaCalendar.FromEpochDay(epochDay, gregorianOnly: true);
        var context = new JodaFields(instant, offset, epochDay, millisOfDay, year, month, day);
        var builder = new StringBuilder(Pattern.Length + 16);
        foreach (var token in _tokens)
        {
            if (token.IsLiteral)
            {
                builder.Append(token.Literal);
            }
            else
            {
                AppendField(builder, token, context);
            }
        }

        return builder.ToString();
    }

    /// <summary>Formats an instant (its offset is ignored; the formatter's zone applies).</summary>
    /// <param name="instant">The instant.</param>
    public string Format(DateTimeOffset instant) => Format(instant.ToUnixTimeMilliseconds());

    private void AppendField(StringBuilder builder, DatePatternToken token, JodaFields f)
    {
        var count = token.Count;
        var yearOfEra = f.Year > 0 ? f.Year : 1 - f.Year;
        var hour = f.MillisOfDay / 3_600_000;
        switch (token.Letter)
        {
            case 'G':
                builder.Append(_localeData.Eras[f.Year > 0 ? 1 : 0]);
                break;
            case 'C':
                AppendNumber(builder, yearOfEra / 100, count);
                break;
            case 'Y':
                AppendYear(builder, count == 2 ? f.Year : yearOfEra, count);
                break;
            case 'y':
                AppendYear(builder, f.Year, count);
                break;
            case 'x':
                AppendYear(builder, IsoWeek(f).WeekYear, count);
                break;
            case 'w':
                AppendNumber(builder, IsoWeek(f).Week, count);
                break;
            case 'e':
                var dayOfWeek = JavaCalendar.DayOfWeek(f.EpochDay);
                AppendNumber(builder, dayOfWeek == 1 ? 7 : dayOfWeek - 1, count);
                break;
            case 'E':
                builder.Append((count >= 4 ? _localeData.DayNames : _localeData.ShortDayNames)[JavaCalendar.DayOfWeek(f.EpochDay) - 1]);
                break;
            case 'D':
                AppendNumber(builder, JavaCalendar.DayOfYear(f.EpochDay, f.Year, gregorianOnly: true), count);
                break;
            case 'M':
                AppendMonth(builder, f.Month, count);
                break;
            case 'd':
                AppendNumber(builder, f.Day, count);
                break;
            case 'a':
                builder.Append(_localeData.AmPm[hour < 12 ? 0 : 1]);
                break;
            case 'K':
                AppendNumber(builder, hour % 12, count);
                break;
            case 'h':
                AppendNumber(builder, hour % 12 == 0 ? 12 : hour % 12, count);
                break;
            case 'H':
                AppendNumber(builder, hour, count);
                break;
            case 'k':
                AppendNumber(builder, hour == 0 ? 24 : hour, count);
                break;
            case 'm':
                AppendNumber(builder, f.MillisOfDay / 60_000 % 60, count);
                break;
            case 's':
                AppendNumber(builder, f.MillisOfDay / 1000 % 60, count);
                break;
            case 'S':
                AppendFraction(builder, f.MillisOfDay % 1000, count);
                break;
            case 'z':
                builder.Append(JavaTimeZoneNames.Name(TimeZone, f.Instant, longForm: count >= 4, joda: true));
                break;
            default:
                AppendZone(builder, count, f.Offset);
                break;
        }
    }

    private void AppendZone(StringBuilder builder, int count, TimeSpan offset)
    {
        if (count >= 3)
        {
            builder.Append(TimeZone.Id is "GMT" ? "Etc/GMT" : TimeZone.Id);
        }
        else
        {
            builder.Append(JavaTimeZoneNames.Offset(offset, colon: count == 2, minutes: true));
        }
    }

    private static (int WeekYear, int Week) IsoWeek(JodaFields f) =>
        JavaCalendar.WeekOfYear(f.EpochDay, f.Year, IsoMonday, IsoMinimalDays, gregorianOnly: true);

    // Two letters print the last two digits of the absolute year; otherwise a signed, zero-padded number.
    private static void AppendYear(StringBuilder builder, int year, int count)
    {
        if (count == 2)
        {
            AppendNumber(builder, Math.Abs(year) % 100, 2);
        }
        else
        {
            AppendNumber(builder, year, count);
        }
    }

    private void AppendMonth(StringBuilder builder, int month, int count)
    {
        // Joda takes month text from java.text.DateFormatSymbols, i.e. the format (genitive) forms.
        if (count >= 4)
        {
            builder.Append(_localeData.MonthGenitiveNames[month - 1]);
        }
        else if (count == 3)
        {
            builder.Append(_localeData.ShortMonthGenitiveNames[month - 1]);
        }
        else
        {
            AppendNumber(builder, month, count);
        }
    }

    // Joda's S is a decimal fraction of the second with exactly `count` digits, truncated (millisecond precision).
    private static void AppendFraction(StringBuilder builder, int millis, int count)
    {
        var digits = millis.ToString("000", CultureInfo.InvariantCulture);
        builder.Append(count <= 3 ? digits[..count] : digits + new string('0', count - 3));
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

    private static TimeSpan? ParseOffset(string id)
    {
        var sign = id[0] == '-' ? -1 : 1;
        var body = id[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (body.Length is not (2 or 4) || !body.All(char.IsAsciiDigit))
        {
            return null;
        }

        var hours = int.Parse(body.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = body.Length == 4 ? int.Parse(body.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
        return hours > 23 || minutes > 59 ? null : new TimeSpan(hours, minutes, 0) * sign;
    }

    private readonly record struct JodaFields(
        DateTimeOffset Instant, TimeSpan Offset, long EpochDay, int MillisOfDay, int Year, int Month, int Day);
}
