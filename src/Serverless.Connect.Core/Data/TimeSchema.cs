using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>
/// Kafka's <c>Time</c> logical type (<c>org.apache.kafka.connect.data.Time</c>): INT32 milliseconds since midnight.
/// Values are <see cref="TimeOnly"/>.
/// </summary>
public static class TimeSchema
{
    /// <summary>The logical type name.</summary>
    public const string LogicalName = "org.apache.kafka.connect.data.Time";

    /// <summary>A required Time schema.</summary>
    public static readonly Schema Schema = Builder().Build();

    private const int MillisPerDay = 24 * 60 * 60 * 1000;

    /// <summary>Returns a builder for a Time schema (version 1).</summary>
    /// <returns>The builder.</returns>
    public static SchemaBuilder Builder() => SchemaBuilder.Int32().Name(LogicalName).Version(1);

    /// <summary>Encodes a time of day as milliseconds since midnight (sub-millisecond precision is truncated).</summary>
    /// <param name="schema">A Time schema.</param>
    /// <param name="value">The time of day.</param>
    /// <returns>The milliseconds since midnight.</returns>
    /// <exception cref="DataException">The schema is not a Time schema.</exception>
    public static int FromLogical(Schema schema, TimeOnly value)
    {
        Check(schema);
        return (int)(value.Ticks / TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Decodes milliseconds since midnight.</summary>
    /// <param name="schema">A Time schema.</param>
    /// <param name="value">The milliseconds since midnight.</param>
    /// <returns>The time of day.</returns>
    /// <exception cref="DataException">The schema is not a Time schema or the value is outside a day.</exception>
    public static TimeOnly ToLogical(Schema schema, int value)
    {
        Check(schema);
        if (value is < 0 or >= MillisPerDay)
        {
            // Kafka also accepts exactly 86400000 (24:00), which TimeOnly cannot represent.
            throw new DataException("Time values must use number of milliseconds greater than 0 and less than 86400000");
        }

        return new TimeOnly(value * TimeSpan.TicksPerMillisecond);
    }

    private static void Check(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!string.Equals(schema.Name, LogicalName, StringComparison.Ordinal))
        {
            throw new DataException("Requested conversion of Time object but the schema does not match.");
        }
    }
}
