using System.Globalization;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Text;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's <c>Cast.castValueToType</c> and its <c>castToX</c> helpers, with Java's conversion rules.</summary>
internal static class CastValues
{
    private const long MillisPerDay = 86_400_000;

    // Kafka's Values.dateFormatFor patterns; Kafka formats in the JVM zone, this always uses UTC.
    private static readonly JavaSimpleDateFormat _timeFormat = new("HH:mm:ss.SSS'Z'");
    private static readonly JavaSimpleDateFormat _dateFormat = new("yyyy-MM-dd");
    private static readonly JavaSimpleDateFormat _timestampFormat = new("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    public static object? CastValueToType(Schema? schema, object? value, SchemaType targetType)
    {
        if (value is null)
        {
            return null;
        }

        var inferredType = schema?.Type ?? InferType(value) ?? throw new DataException(
            $"Cast transformation was passed a value of type {JavaTypeNames.ClassOf(value)} which is not supported by Connect's data API");
        CastTypes.EnsureValidInput(inferredType);
        if (schema?.Name is not null && targetType != SchemaType.String)
        {
            value = EncodeLogicalType(value);
        }

        return targetType switch
        {
            SchemaType.Int8 => (sbyte)ToLong(value, sbyte.MinValue, sbyte.MaxValue),
            SchemaType.Int16 => (short)ToLong(value, short.MinValue, short.MaxValue),
            SchemaType.Int32 => (int)ToLong(value, int.MinValue, int.MaxValue),
            SchemaType.Int64 => ToLong(value, long.MinValue, long.MaxValue),
            SchemaType.Float32 => ToFloat32(value),
            SchemaType.Float64 => ToFloat64(value),
            SchemaType.Boolean => ToBoolean(value),
            SchemaType.String => ToJavaString(value),
            _ => throw new DataException($"{targetType.ToConnectName()} is not supported in the Cast transformation."),
        };
    }

    /// <summary>Java's <c>value.toString()</c> as Cast renders it (dates via Kafka's <c>Values.dateFormatFor</c>, in UTC).</summary>
    public static string ToJavaString(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        float f => JavaNumberText.ToJavaString(f),
        double d => JavaNumberText.ToJavaString(d),
        byte[] bytes => Convert.ToBase64String(bytes),
        DateOnly date => FormatDate((date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * MillisPerDay),
        TimeOnly time => FormatDate(time.Ticks / TimeSpan.TicksPerMillisecond),
        DateTimeOffset timestamp => FormatDate(timestamp.ToUnixTimeMilliseconds()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // ConnectSchema.schemaType: the Connect type of a schemaless value, or null for values Connect does not know.
    private static SchemaType? InferType(object value) => value switch
    {
        sbyte => SchemaType.Int8,
        short => SchemaType.Int16,
        int => SchemaType.Int32,
        long => SchemaType.Int64,
        float => SchemaType.Float32,
        double => SchemaType.Float64,
        bool => SchemaType.Boolean,
        string => SchemaType.String,
        byte[] => SchemaType.Bytes,
        Struct => SchemaType.Struct,
        _ when MapValues.IsMap(value) => SchemaType.Map,
        _ when MapValues.IsList(value) => SchemaType.Array,
        _ => null,
    };

    // Date/Time/Timestamp become their INT32/INT64 encodings before a numeric or boolean cast.
    private static object EncodeLogicalType(object value) => value switch
    {
        DateOnly date => DateSchema.FromLogical(DateSchema.Schema, date),
        TimeOnly time => TimeSchema.FromLogical(TimeSchema.Schema, time),
        DateTimeOffset timestamp => TimestampSchema.FromLogical(TimestampSchema.Schema, timestamp),
        _ => value,
    };

    // Number.xxxValue() narrowing (wrapping for integers, saturating via int/long for floating point), 1/0 for
    // booleans, and Java's parseXxx for strings (out of range or malformed text is a NumberFormatException).
    private static long ToLong(object value, long min, long max)
    {
        var narrowToInt = max <= int.MaxValue;
        return value switch
        {
            sbyte or short or int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            float f => narrowToInt ? JavaNumbers.IntValue(f) : JavaNumbers.LongValue(f),
            double d => narrowToInt ? JavaNumbers.IntValue(d) : JavaNumbers.LongValue(d),
            ConnectDecimal dec => narrowToInt ? unchecked((int)JavaNumbers.LongValue(dec)) : JavaNumbers.LongValue(dec),
            bool b => b ? 1 : 0,
            string s => JavaNumbers.TryParseInteger(s, min, max, out var parsed) ? parsed : throw OutOfRange(s),
            _ => throw Unexpected(value),
        };
    }

    private static float ToFloat32(object value) => value switch
    {
        sbyte or short or int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float f => f,
        double d => (float)d,
        ConnectDecimal dec => float.Parse(dec.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        bool b => b ? 1f : 0f,
        string s => JavaNumbers.TryParseFloat(s, out var parsed) ? parsed : throw OutOfRange(s),
        _ => throw Unexpected(value),
    };

    private static double ToFloat64(object value) => value switch
    {
        sbyte or short or int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float f => f,
        double d => d,
        ConnectDecimal dec => dec.ToDouble(),
        bool b => b ? 1d : 0d,
        string s => JavaNumbers.TryParseDouble(s, out var parsed) ? parsed : throw OutOfRange(s),
        _ => throw Unexpected(value),
    };

    private static bool ToBoolean(object value) => value switch
    {
        sbyte or short or int or long or float or double or ConnectDecimal => ToLong(value, long.MinValue, long.MaxValue) != 0L,
        bool b => b,
        string s => s.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => throw Unexpected(value),
    };

    private static string FormatDate(long epochMillis)
    {
        var format = epochMillis < MillisPerDay ? _timeFormat : epochMillis % MillisPerDay == 0 ? _dateFormat : _timestampFormat;
        return format.Format(epochMillis);
    }

    private static DataException OutOfRange(string value) =>
        new($"Value ({value}) was out of range for requested data type");

    private static DataException Unexpected(object value) =>
        new("Unexpected type in Cast transformation: " + JavaTypeNames.ClassOf(value));
}
