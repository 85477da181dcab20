using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>
/// Kafka's <c>Date</c> logical type (<c>org.apache.kafka.connect.data.Date</c>): INT32 days since 1970-01-01.
/// Values are <see cref="DateOnly"/>.
/// </summary>
public static class DateSchema
{
    /// <summary>The logical type name.</summary>
    public const string LogicalName = "org.apache.kafka.connect.data.Date";

    /// <summary>A required Date schema.</summary>
    public static readonly Schema Schema = Builder().Build();

    private static readonly int _epochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Returns a builder for a Date schema (version 1).</summary>
    /// <returns>The builder.</returns>
    public static SchemaBuilder Builder() => SchemaBuilder.Int32().Name(LogicalName).Version(1);

    /// <summary>Encodes a date as days since the epoch.</summary>
    /// <param name="schema">A Date schema.</param>
    /// <param name="value">The date.</param>
    /// <returns>The number of days since 1970-01-01.</returns>
    /// <exception cref="DataException">The schema is not a Date schema.</exception>
    public static int FromLogical(Schema schema, DateOnly value)
    {
        Check(schema);
        return value.DayNumber - _epochDayNumber;
    }

    /// <summary>Decodes days since the epoch.</summary>
    /// <param name="schema">A Date schema.</param>
    /// <param name="value">The number of days since 1970-01-01.</param>
    /// <returns>The date.</returns>
    /// <exception cref="DataException">The schema is not a Date schema or the date is outside years 1–9999.</exception>
    public static DateOnly ToLogical(Schema schema, int value)
    {
        Check(schema);
        var dayNumber = (long)_epochDayNumber + value;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new DataException($"Date value {value} is outside the supported range (years 1 to 9999)");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    private static void Check(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!string.Equals(schema.Name, LogicalName, StringComparison.Ordinal))
        {
            throw new DataException("Requested conversion of Date object but the schema does not match.");
        }
    }
}
