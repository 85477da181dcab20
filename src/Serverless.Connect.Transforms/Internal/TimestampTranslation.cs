using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Text;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>
/// Kafka's TimestampConverter translators: each timestamp representation converts to and from an instant, held here
/// as epoch milliseconds (Java's <c>java.util.Date</c>). Connect Date/Time/Timestamp values are
/// <see cref="DateOnly"/>/<see cref="TimeOnly"/>/<see cref="DateTimeOffset"/>, all of which Java sees as one Date type.
/// </summary>
internal sealed class TimestampTranslation
{
    public const string TypeString = "string";
    public const string TypeUnix = "unix";
    public const string TypeDate = "Date";
    public const string TypeTime = "Time";
    public const string TypeTimestamp = "Timestamp";

    public const string PrecisionNanos = "nanoseconds";
    public const string PrecisionMicros = "microseconds";
    public const string PrecisionMillis = "milliseconds";
    public const string PrecisionSeconds = "seconds";

    private const long MillisPerDay = 86_400_000;

    private static readonly Schema _optionalDate = DateSchema.Builder().Optional().Build();
    private static readonly Schema _optionalTime = TimeSchema.Builder().Optional().Build();
    private static readonly Schema _optionalTimestamp = TimestampSchema.Builder().Optional().Build();
    private static readonly int _epochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly JavaSimpleDateFormat? _format;
    private readonly string _unixPrecision;

    public TimestampTranslation(string targetType, JavaSimpleDateFormat? format, string unixPrecision)
    {
        TargetType = targetType;
        _format = format;
        _unixPrecision = unixPrecision;
    }

    public string TargetType { get; }

    /// <summary>The schema of a converted value (Kafka's <c>typeSchema</c>).</summary>
    public Schema TargetSchema(bool optional) => TargetType switch
    {
        TypeString => optional ? Schema.OptionalStringSchema : Schema.StringSchema,
        TypeUnix => optional ? Schema.OptionalInt64Schema : Schema.Int64Schema,
        TypeDate => optional ? _optionalDate : DateSchema.Schema,
        TypeTime => optional ? _optionalTime : TimeSchema.Schema,
        _ => optional ? _optionalTimestamp : TimestampSchema.Schema,
    };

    /// <summary>Kafka's <c>timestampTypeFromSchema</c>.</summary>
    public static string SourceTypeOf(Schema schema) => schema.Name switch
    {
        TimestampSchema.LogicalName => TypeTimestamp,
        DateSchema.LogicalName => TypeDate,
        TimeSchema.LogicalName => TypeTime,
        _ when schema.Type == SchemaType.String => TypeString,
        _ when schema.Type == SchemaType.Int64 => TypeUnix,
        _ => throw new ConnectException($"Schema {schema} does not correspond to a known timestamp type format"),
    };

    /// <summary>Kafka's <c>convertTimestamp</c>; a null source type is inferred from the value (schemaless).</summary>
    public object? Convert(object? timestamp, string? sourceType)
    {
        if (timestamp is null)
        {
            return null;
        }

        var millis = ToEpochMillis(timestamp, sourceType ?? InferType(timestamp));
        return FromEpochMillis(millis);
    }

    private static string InferType(object timestamp) => timestamp switch
    {
        DateTimeOffset or DateOnly or TimeOnly => TypeTimestamp,
        long => TypeUnix,
        string => TypeString,
        _ => throw new DataException($"TimestampConverter does not support {JavaTypeNames.ClassOf(timestamp)} objects as timestamps"),
    };

    private static long? DateMillis(object value) => value switch
    {
        DateTimeOffset timestamp => timestamp.ToUnixTimeMilliseconds(),
        DateOnly date => (date.DayNumber - _epochDayNumber) * MillisPerDay,
        TimeOnly time => time.Ticks / TimeSpan.TicksPerMillisecond,
        _ => null,
    };

    // Java's TimeUnit conversions: division truncates toward zero, multiplication saturates.
    private static long Multiply(long value, long factor) =>
        value > long.MaxValue / factor ? long.MaxValue : value < long.MinValue / factor ? long.MinValue : value * factor;

    private long ToEpochMillis(object value, string sourceType)
    {
        switch (sourceType)
        {
            case TypeString:
                if (value is not string text)
                {
                    throw new DataException("Expected string timestamp to be a String, but found " + JavaTypeNames.ClassOf(value));
                }

                if (_format is null)
                {
                    throw new DataException("TimestampConverter requires the format option to parse string timestamps");
                }

                return _format.TryParse(text, out var parsed)
                    ? parsed
                    : throw new DataException($"Could not parse timestamp: value ({text}) does not match pattern ({_format.Pattern})");
            case TypeUnix:
                if (value is not long unix)
                {
                    throw new DataException("Expected Unix timestamp to be a Long, but found " + JavaTypeNames.ClassOf(value));
                }

                return _unixPrecision switch
                {
                    PrecisionSeconds => Multiply(unix, 1000),
                    PrecisionMicros => unix / 1000,
                    PrecisionNanos => unix / 1_000_000,
                    _ => unix,
                };
            default:
                return DateMillis(value) ??
                    throw new DataException($"Expected {sourceType} to be a java.util.Date, but found {JavaTypeNames.ClassOf(value)}");
        }
    }

    private object FromEpochMillis(long millis)
    {
        switch (TargetType)
        {
            case TypeString:
                return _format!.Format(millis);
            case TypeUnix:
                return _unixPrecision switch
                {
                    PrecisionSeconds => millis / 1000,
                    PrecisionMicros => Multiply(millis, 1000),
                    PrecisionNanos => Multiply(millis, 1_000_000),
                    _ => millis,
                };
            case TypeDate:
                var days = (millis / MillisPerDay) - (millis % MillisPerDay < 0 ? 1 : 0);
                return DateSchema.ToLogical(DateSchema.Schema, (int)Math.Clamp(days, int.MinValue, int.MaxValue));
            case TypeTime:
                var millisOfDay = ((millis % MillisPerDay) + MillisPerDay) % MillisPerDay;
                return TimeSchema.ToLogical(TimeSchema.Schema, (int)millisOfDay);
            default:
                return TimestampSchema.ToLogical(TimestampSchema.Schema, millis);
        }
    }
}
