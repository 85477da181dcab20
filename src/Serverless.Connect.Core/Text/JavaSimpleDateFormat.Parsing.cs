using Serverless.Connect.Text.Internal;

namespace Serverless.Connect.Text;

/// <summary>Parsing: Java's <c>DateFormat.parse(String)</c>.</summary>
public sealed partial class JavaSimpleDateFormat
{
    private const long MillisPerDay = 86_400_000;

    /// <summary>
    /// Parses text from its start like Java's <c>parse(String)</c>, returning milliseconds since the epoch; text after
    /// the pattern is ignored, as in Java.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">Java would throw <c>ParseException</c> (message <c>Unparseable date: "..."</c>).</exception>
    public long ParseEpochMillis(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, 0, out var millis, out _) ? millis : throw new FormatException($"Unparseable date: \"{text}\"");
    }

    /// <summary>Parses like <see cref="ParseEpochMillis"/> and returns the instant in UTC.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text does not match, or the instant is outside <see cref="DateTimeOffset"/>'s range.</exception>
    public DateTimeOffset Parse(string text)
    {
        var millis = ParseEpochMillis(text);
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"Parsed date is out of range: \"{text}\"", e);
        }
    }

    /// <summary>Parses from the start of <paramref name="text"/>; false where Java would throw.</summary>
    /// <param name="text">The text.</param>
    /// <param name="epochMillis">Milliseconds since the epoch.</param>
    public bool TryParse(string text, out long epochMillis) => TryParse(text, 0, out epochMillis, out _);

    /// <summary>Parses from <paramref name="startIndex"/>, like Java's <c>parse(String, ParsePosition)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="startIndex">Where parsing starts.</param>
    /// <param name="epochMillis">Milliseconds since the epoch.</param>
    /// <param name="endIndex">Index after the parsed text.</param>
    public bool TryParse(string text, int startIndex, out long epochMillis, out int endIndex)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startIndex, text.Length);
        epochMillis = 0;
        endIndex = startIndex;
        var centuryStart = _timeProvider.GetUtcNow().AddYears(-80);
        var parser = new SimpleDateParser(_tokens, _localeData, centuryStart.Year);
        var index = startIndex;
        var fields = parser.Scan(text, ref index);
        if (fields is null || index == startIndex)
        {
            return false;
        }

        var millis = Resolve(fields);
        if (fields.AmbiguousTwoDigitYear && millis < centuryStart.ToUnixTimeMilliseconds())
        {
            fields.Year += 100;
            millis = Resolve(fields);
        }

        if (!Lenient && !Validate(fields, millis))
        {
            return false;
        }

        epochMillis = millis;
        endIndex = index;
        return true;
    }

    private long Resolve(ParsedDateFields f)
    {
        var year = (long)(f.Year ?? f.WeekYear ?? 1970);
        if (f.Era == 0)
        {
            year = 1 - year;
        }

        var epochDay = ResolveEpochDay(f, year);
        var hour = f.HourOfDay ?? ((f.Hour ?? 0) + ((f.AmPm ?? 0) * 12));
        var local = (epochDay * MillisPerDay) + (hour * 3_600_000L) + ((f.Minute ?? 0) * 60_000L) + ((f.Second ?? 0) * 1000L)
            + (f.Millisecond ?? 0);
        return local - (long)(f.Offset ?? OffsetForLocal(local)).TotalMilliseconds;
    }

    // Which field group wins mirrors Java's Calendar resolution for the patterns people actually write.
    private long ResolveEpochDay(ParsedDateFields f, long year)
    {
        var firstDay = _localeData.FirstDayOfWeek;
        var minimalDays = _localeData.MinimalDaysInFirstWeek;
        var dayOfWeekOffset = ((f.DayOfWeek ?? firstDay) - firstDay + 7) % 7;
        if (f.Day is null && f.DayOfYear is null && f.WeekOfMonth is null && f.DayOfWeekInMonth is null && f.WeekOfYear is { } week)
        {
            var start = JavaCalendar.FirstWeekStart(JavaCalendar.ToEpochDay(year, 1, 1), firstDay, minimalDays);
            return start + ((week - 1) * 7L) + dayOfWeekOffset;
        }

        if (f.Day is null && f.Month is null && f.DayOfYear is { } dayOfYear)
        {
            return JavaCalendar.ToEpochDay(year, 1, 1) + dayOfYear - 1;
        }

        var month = f.Month ?? 1;
        if (f.Day is null && f.WeekOfMonth is { } weekOfMonth)
        {
            var start = JavaCalendar.FirstWeekStart(JavaCalendar.ToEpochDay(year, month, 1), firstDay, minimalDays);
            return start + ((weekOfMonth - 1) * 7L) + dayOfWeekOffset;
        }

        if (f.Day is null && f.DayOfWeekInMonth is { } ordinal)
        {
            var monthStart = JavaCalendar.ToEpochDay(year, month, 1);
            var first = monthStart + (((f.DayOfWeek ?? firstDay) - JavaCalendar.DayOfWeek(monthStart) + 7) % 7);
            return first + ((ordinal - 1) * 7L);
        }

        return JavaCalendar.ToEpochDay(year, month, f.Day ?? 1);
    }

    // Java's GregorianCalendar reads a wall time in a DST gap or overlap with the standard offset.
    private TimeSpan OffsetForLocal(long localMillis)
    {
        var minTicks = DateTime.MinValue.AddDays(2).Ticks;
        var maxTicks = DateTime.MaxValue.AddDays(-2).Ticks;
        var ticks = Math.Clamp((localMillis * TimeSpan.TicksPerMillisecond) + DateTime.UnixEpoch.Ticks, minTicks, maxTicks);
        var local = new DateTime(ticks, DateTimeKind.Unspecified);
        if (TimeZone.IsAmbiguousTime(local))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
            return offsets.Contains(TimeZone.BaseUtcOffset) ? TimeZone.BaseUtcOffset : offsets.Min();
        }

        return TimeZone.IsInvalidTime(local) ? TimeZone.GetUtcOffset(local.AddHours(-3)) : TimeZone.GetUtcOffset(local);
    }

    // Non-lenient Java calendars reject any parsed field that does not survive a round trip through the computed instant.
    private bool Validate(ParsedDateFields f, long millis)
    {
        var zone = f.Offset is { } offset ? TimeZoneInfo.CreateCustomTimeZone("parsed", offset, "parsed", "parsed") : TimeZone;
        var actual = new JavaDateFields(millis, zone, _localeData);
        return Same(f.Era, actual.IsAd ? 1 : 0)
            && Same(f.Year, actual.YearOfEra)
            && Same(f.WeekYear, actual.WeekYear)
            && Same(f.Month, actual.Month)
            && Same(f.Day, actual.Day)
            && Same(f.DayOfYear, actual.DayOfYear)
            && Same(f.DayOfWeek, actual.DayOfWeek)
            && Same(f.WeekOfYear, actual.WeekOfYear)
            && Same(f.WeekOfMonth, actual.WeekOfMonth)
            && Same(f.DayOfWeekInMonth, actual.DayOfWeekInMonth)
            && Same(f.HourOfDay, actual.Hour)
            && Same(f.Hour, actual.Hour % 12)
            && Same(f.AmPm, actual.Hour / 12)
            && Same(f.Minute, actual.Minute)
            && Same(f.Second, actual.Second)
            && Same(f.Millisecond, actual.Millisecond);
    }

    private static bool Same(int? parsed, int actual) => parsed is null || parsed == actual;
}
