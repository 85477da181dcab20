using System.Globalization;

namespace Serverless.Connect.Data.Debezium;

/// <summary>
/// Debezium's temporal semantic types (<c>io.debezium.time.*</c>): plain primitive schemas distinguished by name, all at
/// version 1. The builders produce exactly Debezium's schemas; the helpers convert .NET values to their encodings.
/// </summary>
public static class DebeziumTime
{
    /// <summary>INT32 days since the epoch.</summary>
    public const string DateName = "io.debezium.time.Date";

    /// <summary>INT32 milliseconds past midnight.</summary>
    public const string TimeName = "io.debezium.time.Time";

    /// <summary>INT64 microseconds past midnight.</summary>
    public const string MicroTimeName = "io.debezium.time.MicroTime";

    /// <summary>INT64 nanoseconds past midnight.</summary>
    public const string NanoTimeName = "io.debezium.time.NanoTime";

    /// <summary>INT64 milliseconds since the epoch, no time zone.</summary>
    public const string TimestampName = "io.debezium.time.Timestamp";

    /// <summary>INT64 microseconds since the epoch, no time zone.</summary>
    public const string MicroTimestampName = "io.debezium.time.MicroTimestamp";

    /// <summary>INT64 nanoseconds since the epoch, no time zone.</summary>
    public const string NanoTimestampName = "io.debezium.time.NanoTimestamp";

    /// <summary>STRING ISO-8601 timestamp with offset (UTC for PostgreSQL), e.g. <c>2024-01-01T12:00:00.123456Z</c>.</summary>
    public const string ZonedTimestampName = "io.debezium.time.ZonedTimestamp";

    /// <summary>STRING ISO-8601 time with offset, e.g. <c>12:00:00Z</c>.</summary>
    public const string ZonedTimeName = "io.debezium.time.ZonedTime";

    /// <summary>INT64 approximate duration in microseconds (a month counts 365.25/12 days).</summary>
    public const string MicroDurationName = "io.debezium.time.MicroDuration";

    /// <summary>INT64 approximate duration in nanoseconds.</summary>
    public const string NanoDurationName = "io.debezium.time.NanoDuration";

    /// <summary>STRING ISO-8601 duration such as <c>P1Y2M3DT4H5M6.78S</c> (<c>interval.handling.mode=string</c>).</summary>
    public const string IntervalName = "io.debezium.time.Interval";

    /// <summary>INT32 year.</summary>
    public const string YearName = "io.debezium.time.Year";

    /// <summary>STRING ISO-8601 date (<c>time.precision.mode=isostring</c>).</summary>
    public const string IsoDateName = "io.debezium.time.IsoDate";

    /// <summary>STRING ISO-8601 time (<c>time.precision.mode=isostring</c>).</summary>
    public const string IsoTimeName = "io.debezium.time.IsoTime";

    /// <summary>STRING ISO-8601 timestamp (<c>time.precision.mode=isostring</c>).</summary>
    public const string IsoTimestampName = "io.debezium.time.IsoTimestamp";

    /// <summary>Days per month used by Debezium when approximating intervals.</summary>
    public const double DaysPerMonthAverage = 365.25 / 12.0;

    private static readonly DateTime _epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Builder for <see cref="DateName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Date() => Named(SchemaBuilder.Int32(), DateName);

    /// <summary>Builder for <see cref="TimeName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Time() => Named(SchemaBuilder.Int32(), TimeName);

    /// <summary>Builder for <see cref="MicroTimeName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder MicroTime() => Named(SchemaBuilder.Int64(), MicroTimeName);

    /// <summary>Builder for <see cref="NanoTimeName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder NanoTime() => Named(SchemaBuilder.Int64(), NanoTimeName);

    /// <summary>Builder for <see cref="TimestampName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Timestamp() => Named(SchemaBuilder.Int64(), TimestampName);

    /// <summary>Builder for <see cref="MicroTimestampName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder MicroTimestamp() => Named(SchemaBuilder.Int64(), MicroTimestampName);

    /// <summary>Builder for <see cref="NanoTimestampName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder NanoTimestamp() => Named(SchemaBuilder.Int64(), NanoTimestampName);

    /// <summary>Builder for <see cref="ZonedTimestampName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder ZonedTimestamp() => Named(SchemaBuilder.String(), ZonedTimestampName);

    /// <summary>Builder for <see cref="ZonedTimeName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder ZonedTime() => Named(SchemaBuilder.String(), ZonedTimeName);

    /// <summary>Builder for <see cref="MicroDurationName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder MicroDuration() => Named(SchemaBuilder.Int64(), MicroDurationName);

    /// <summary>Builder for <see cref="NanoDurationName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder NanoDuration() => Named(SchemaBuilder.Int64(), NanoDurationName);

    /// <summary>Builder for <see cref="IntervalName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Interval() => Named(SchemaBuilder.String(), IntervalName);

    /// <summary>Builder for <see cref="YearName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Year() => Named(SchemaBuilder.Int32(), YearName);

    /// <summary>Builder for <see cref="IsoDateName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder IsoDate() => Named(SchemaBuilder.String(), IsoDateName);

    /// <summary>Builder for <see cref="IsoTimeName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder IsoTime() => Named(SchemaBuilder.String(), IsoTimeName);

    /// <summary>Builder for <see cref="IsoTimestampName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder IsoTimestamp() => Named(SchemaBuilder.String(), IsoTimestampName);

    /// <summary>Encodes a date as days since 1970-01-01 (<see cref="DateName"/>).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The epoch day.</returns>
    public static int ToEpochDay(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(_epoch).DayNumber;

    /// <summary>Encodes a time of day as milliseconds past midnight (<see cref="TimeName"/>), truncating.</summary>
    /// <param name="time">The time of day.</param>
    /// <returns>The milliseconds.</returns>
    public static int ToMillisOfDay(TimeSpan time) => (int)(time.Ticks / TimeSpan.TicksPerMillisecond);

    /// <summary>Encodes a time of day as microseconds past midnight (<see cref="MicroTimeName"/>), truncating.</summary>
    /// <param name="time">The time of day; PostgreSQL's <c>24:00:00</c> is one day.</param>
    /// <returns>The microseconds.</returns>
    public static long ToMicrosOfDay(TimeSpan time) => time.Ticks / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>Encodes a time of day as nanoseconds past midnight (<see cref="NanoTimeName"/>).</summary>
    /// <param name="time">The time of day.</param>
    /// <returns>The nanoseconds.</returns>
    public static long ToNanosOfDay(TimeSpan time) => time.Ticks * 100;

    /// <summary>Encodes a local (zone-less) timestamp as epoch milliseconds (<see cref="TimestampName"/>), flooring.</summary>
    /// <param name="timestamp">The timestamp; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <returns>The epoch milliseconds.</returns>
    public static long ToEpochMillis(DateTime timestamp) => FloorDiv(timestamp.Ticks - _epoch.Ticks, TimeSpan.TicksPerMillisecond);

    /// <summary>Encodes a local (zone-less) timestamp as epoch microseconds (<see cref="MicroTimestampName"/>), flooring.</summary>
    /// <param name="timestamp">The timestamp; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <returns>The epoch microseconds.</returns>
    public static long ToEpochMicros(DateTime timestamp) => FloorDiv(timestamp.Ticks - _epoch.Ticks, TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>Encodes a local (zone-less) timestamp as epoch nanoseconds (<see cref="NanoTimestampName"/>).</summary>
    /// <param name="timestamp">The timestamp; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <returns>The epoch nanoseconds.</returns>
    public static long ToEpochNanos(DateTime timestamp) => (timestamp.Ticks - _epoch.Ticks) * 100;

    /// <summary>Decodes epoch microseconds (<see cref="MicroTimestampName"/>) into a zone-less timestamp.</summary>
    /// <param name="micros">The epoch microseconds.</param>
    /// <returns>The timestamp (<see cref="DateTimeKind.Unspecified"/>).</returns>
    public static DateTime FromEpochMicros(long micros) => new(_epoch.Ticks + (micros * (TimeSpan.TicksPerMillisecond / 1000)), DateTimeKind.Unspecified);

    /// <summary>
    /// Formats an instant as a <see cref="ZonedTimestampName"/> string in UTC with a fixed number of fraction digits,
    /// e.g. <c>2024-01-01T12:00:00.000000Z</c> for six digits (what Debezium 2.7 emits for PostgreSQL <c>timestamptz</c>).
    /// </summary>
    /// <param name="timestamp">The instant.</param>
    /// <param name="fractionDigits">The number of fraction digits, 0 to 7.</param>
    /// <returns>The ISO-8601 text.</returns>
    public static string FormatZonedTimestamp(DateTimeOffset timestamp, int fractionDigits = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fractionDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fractionDigits, 7);
        var format = fractionDigits == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss." + new string('f', fractionDigits) + "'Z'";
        return timestamp.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Approximates an interval in microseconds the way Debezium's <c>MicroDuration.durationMicros</c> does.</summary>
    /// <param name="years">Years.</param>
    /// <param name="months">Months.</param>
    /// <param name="days">Days.</param>
    /// <param name="hours">Hours.</param>
    /// <param name="minutes">Minutes.</param>
    /// <param name="seconds">Seconds, with fraction.</param>
    /// <param name="micros">Extra microseconds.</param>
    /// <param name="daysPerMonth">Days per month; Debezium's PostgreSQL connector uses <see cref="DaysPerMonthAverage"/>.</param>
    /// <returns>The approximate duration in microseconds.</returns>
    public static long DurationMicros(
        int years, int months, int days, int hours, int minutes, double seconds, int micros = 0, double daysPerMonth = DaysPerMonthAverage)
    {
        var numberOfDays = (((years * 12) + months) * daysPerMonth) + days;
        var numberOfSeconds = (((((numberOfDays * 24) + hours) * 60) + minutes) * 60) + seconds;
        return (long)((numberOfSeconds * 1e6) + micros);
    }

    private static SchemaBuilder Named(SchemaBuilder builder, string name) => builder.Name(name).Version(1);

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
    }
}
