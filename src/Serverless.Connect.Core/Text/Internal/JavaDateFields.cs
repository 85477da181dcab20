namespace Serverless.Connect.Text.Internal;

/// <summary>The calendar fields Java's formatters read for one instant in one zone (hybrid Julian/Gregorian calendar).</summary>
internal sealed class JavaDateFields
{
    private const long MillisPerDay = 86_400_000;

    public JavaDateFields(long epochMillis, TimeZoneInfo zone, JavaLocaleData locale)
    {
        Instant = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(epochMillis,
            DateTimeOffset.MinValue.ToUnixTimeMilliseconds() + MillisPerDay, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() - MillisPerDay));
        Offset = zone.GetUtcOffset(Instant);
        IsDaylight = zone.IsDaylightSavingTime(Instant);
        var local = epochMillis + (long)Offset.TotalMilliseconds;
        EpochDay = JavaCalendar.FloorDiv(local, MillisPerDay);
        var millisOfDay = (int)JavaCalendar.FloorMod(local, MillisPerDay);
        (Year, Month, Day) = JavaCalendar.FromEpochDay(EpochDay);
        DayOfWeek = JavaCalendar.DayOfWeek(EpochDay);
        DayOfYear = JavaCalendar.DayOfYear(EpochDay, Year);
        (WeekYear, WeekOfYear) = JavaCalendar.WeekOfYear(EpochDay, Year, locale.FirstDayOfWeek, locale.MinimalDaysInFirstWeek);
        WeekOfMonth = JavaCalendar.WeekOfMonth(EpochDay, Day, locale.FirstDayOfWeek, locale.MinimalDaysInFirstWeek);
        Hour = millisOfDay / 3_600_000;
        Minute = millisOfDay / 60_000 % 60;
        Second = millisOfDay / 1000 % 60;
        Millisecond = millisOfDay % 1000;
    }

    /// <summary>The instant, clamped into <see cref="DateTimeOffset"/> range (only used for zone lookups).</summary>
    public DateTimeOffset Instant { get; }

    public TimeSpan Offset { get; }

    public bool IsDaylight { get; }

    public long EpochDay { get; }

    /// <summary>Proleptic year: 0 is 1 BC.</summary>
    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    /// <summary>1 = Sunday ... 7 = Saturday.</summary>
    public int DayOfWeek { get; }

    /// <summary>ISO numbering: 1 = Monday ... 7 = Sunday.</summary>
    public int IsoDayOfWeek => DayOfWeek == 1 ? 7 : DayOfWeek - 1;

    public int DayOfYear { get; }

    public int WeekYear { get; }

    public int WeekOfYear { get; }

    public int WeekOfMonth { get; }

    public int DayOfWeekInMonth => ((Day - 1) / 7) + 1;

    public bool IsAd => Year > 0;

    public int YearOfEra => Year > 0 ? Year : 1 - Year;

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    public int Millisecond { get; }
}
