using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>
/// Kafka's <c>Timestamp</c> logical type (<c>org.apache.kafka.connect.data.Timestamp</c>): INT64 milliseconds since the
/// Unix epoch. Values are <see cref="DateTimeOffset"/> (decoded values are UTC).
/// </summary>
public static class TimestampSchema
{
    /// <summary>The logical type name.</summary>
    public const string LogicalName = "org.apache.kafka.connect.data.Timestamp";

    /// <summary>A required Timestamp schema.</summary>
    public static readonly Schema Schema = Builder().Build();

    /// <summary>Returns a builder for a Timestamp schema (version 1).</summary>
    /// <returns>The builder.</returns>
    public static SchemaBuilder Builder() => SchemaBuilder.Int64().Name(LogicalName).Version(1);

    /// <summary>Encodes an instant as epoch milliseconds (sub-millisecond precision is truncated toward the past).</summary>
    /// <param name="schema">A Timestamp schema.</param>
    /// <param name="value">The instant.</param>
    /// <returns>The epoch milliseconds.</returns>
    /// <exception cref="DataException">The schema is not a Timestamp schema.</exception>
    public static long FromLogical(Schema schema, DateTimeOffset value)
    {
        Check(schema);
        return value.ToUnixTimeMilliseconds();
    }

    /// <summary>Decodes epoch milliseconds.</summary>
    /// <param name="schema">A Timestamp schema.</param>
    /// <param name="value">The epoch milliseconds.</param>
    /// <returns>The instant, in UTC.</returns>
    /// <exception cref="DataException">The schema is not a Timestamp schema or the instant is outside years 1–9999.</exception>
    public static DateTimeOffset ToLogical(Schema schema, long value)
    {
        Check(schema);
        if (value < -62135596800000L || value > 253402300799999L)
        {
            throw new DataException($"Timestamp value {value} is outside the supported range (years 1 to 9999)");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(value);
    }

    private static void Check(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!string.Equals(schema.Name, LogicalName, StringComparison.Ordinal))
        {
            throw new DataException("Requested conversion of Timestamp object but the schema does not match.");
        }
    }
}
