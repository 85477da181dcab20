namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Date arithmetic of <c>java.util.GregorianCalendar</c>: Gregorian from 1582-10-15, Julian before (the default
/// cutover), proleptic years (0 = 1 BC), and week fields parameterised by first day of week and minimal days.
/// Days are counted from 1970-01-01 (epoch day); day of week is 1 = Sunday ... 7 = Saturday as in Java.
/// </summary>
internal static class JavaCalendar
{
    /// <summary>Epoch day of 1582-10-15, the first Gregorian day.</summary>
    public const long CutoverEpochDay = -141427;

    private const long JulianDayOfEpoch = 2440588;

    public static (int Year, int Month, int Day) FromEpochDay(long epochDay, bool gregorianOnly = false)
    {
        if (gregorianOnly || epochDay >= CutoverEpochDay)
        {
            return FromGregorian(epochDay);
        }

        return FromJulianDayNumber(epochDay + JulianDayOfEpoch);
    }

    /// <summary>Epoch day of a (possibly out-of-range, lenient) date: Julian if the Gregorian reading falls before the cutover.</summary>
    public static long ToEpochDay(long year, long month, long day, bool gregorianOnly = false)
    {
        // Normalise the month first so lenient values like month 13 or 0 roll into the neighbouring year.
        var monthIndex = month - 1;
        year += FloorDiv(monthIndex, 12);
        month = FloorMod(monthIndex, 12) + 1;
        var gregorian = GregorianEpochDay(year, month, 1) + day - 1;
        if (gregorianOnly || gregorian >= CutoverEpochDay)
        {
            return gregorian;
        }

        return JulianEpochDay(year, month, 1) + day - 1;
    }

    public static bool IsLeapYear(int year, long epochDay) =>
        epochDay >= CutoverEpochDay ? (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 : FloorMod(year, 4) == 0;

    public static int DayOfWeek(long epochDay) => (int)FloorMod(epochDay + 4, 7) + 1;

    public static int DayOfYear(long epochDay, int year, bool gregorianOnly = false) =>
        (int)(epochDay - ToEpochDay(year, 1, 1, gregorianOnly)) + 1;

    /// <summary>Java's WEEK_OF_YEAR and the week-based year it belongs to.</summary>
    public static (int WeekYear, int Week) WeekOfYear(long epochDay, int year, int firstDayOfWeek, int minimalDays, bool gregorianOnly = false)
    {
        var start = FirstWeekStart(ToEpochDay(year, 1, 1, gregorianOnly), firstDayOfWeek, minimalDays);
        if (epochDay < start)
        {
            var previous = FirstWeekStart(ToEpochDay(year - 1, 1, 1, gregorianOnly), firstDayOfWeek, minimalDays);
            return (year - 1, (int)((epochDay - previous) / 7) + 1);
        }

        var next = FirstWeekStart(ToEpochDay(year + 1, 1, 1, gregorianOnly), firstDayOfWeek, minimalDays);
        if (epochDay >= next)
        {
            return (year + 1, 1);
        }

        return (year, (int)((epochDay - start) / 7) + 1);
    }

    /// <summary>Java's WEEK_OF_MONTH: 0 for days before the month's first full-enough week.</summary>
    public static int WeekOfMonth(long epochDay, int dayOfMonth, int firstDayOfWeek, int minimalDays)
    {
        var start = FirstWeekStart(epochDay - dayOfMonth + 1, firstDayOfWeek, minimalDays);
        return (int)FloorDiv(epochDay - start, 7) + 1;
    }

    /// <summary>First day of week 1 of the period starting at <paramref name="periodStart"/>.</summary>
    public static long FirstWeekStart(long periodStart, int firstDayOfWeek, int minimalDays)
    {
        var offset = (DayOfWeek(periodStart) - firstDayOfWeek + 7) % 7;
        var weekStart = periodStart - offset;
        return 7 - offset >= minimalDays ? weekStart : weekStart + 7;
    }

    public static long FloorMod(long x, long y) => x - (FloorDiv(x, y) * y);

    public static long FloorDiv(long x, long y)
    {
        var q = x / y;
        return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q;
    }

    private static (int Year, int Month, int Day) FromGregorian(long epochDay)
    {
        // Civil-from-days over 400-year eras, valid for any proleptic Gregorian year.
        var z = epochDay + 719468;
        var era = FloorDiv(z, 146097);
        var dayOfEra = z - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    private static (int Year, int Month, int Day) FromJulianDayNumber(long jdn)
    {
        var c = jdn + 32082;
        var d = FloorDiv((4 * c) + 3, 1461);
        var e = c - FloorDiv(1461 * d, 4);
        var m = FloorDiv((5 * e) + 2, 153);
        var day = (int)(e - FloorDiv((153 * m) + 2, 5) + 1);
        var month = (int)(m + 3 - (12 * FloorDiv(m, 10)));
        var year = (int)(d - 4800 + FloorDiv(m, 10));
        return (year, month, day);
    }

    private static long GregorianEpochDay(long year, long month, long day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - (era * 400);
        var mp = month > 2 ? month - 3 : month + 9;
        var dayOfYear = (((153 * mp) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    private static long JulianEpochDay(long year, long month, long day)
    {
        var a = (14 - month) / 12;
        var y = year + 4800 - a;
        var m = month + (12 * a) - 3;
        var jdn = day + (((153 * m) + 2) / 5) + (365 * y) + FloorDiv(y, 4) - 32083;
        return jdn - JulianDayOfEpoch;
    }
}
