using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Conversions between Connect's logical values (Decimal, Date, Time, Timestamp) and their Avro representation.</summary>
internal static class LogicalValues
{
    /// <summary>Converts a logical value to its underlying value (bytes, int, long); other values are returned unchanged.</summary>
    public static object ToUnderlying(Schema schema, object value)
    {
        switch (schema.Name)
        {
            case DecimalSchema.LogicalName:
                return value switch
                {
                    ConnectDecimal d => DecimalSchema.FromLogical(schema, d),
                    decimal d => DecimalSchema.FromLogical(schema, ConnectDecimal.FromDecimal(d).Rescale(DecimalSchema.ScaleOf(schema))),
                    _ => throw new DataException($"Invalid type for Decimal, expected ConnectDecimal but was {value.GetType()}"),
                };
            case DateSchema.LogicalName:
                return value is DateOnly date
                    ? DateSchema.FromLogical(schema, date)
                    : throw new DataException($"Invalid type for Date, expected DateOnly but was {value.GetType()}");
            case TimeSchema.LogicalName:
                return value is TimeOnly time
                    ? TimeSchema.FromLogical(schema, time)
                    : throw new DataException($"Invalid type for Time, expected TimeOnly but was {value.GetType()}");
            case TimestampSchema.LogicalName:
                return value is DateTimeOffset timestamp
                    ? TimestampSchema.FromLogical(schema, timestamp)
                    : throw new DataException($"Invalid type for Timestamp, expected DateTimeOffset but was {value.GetType()}");
            default:
                return value;
        }
    }

    /// <summary>Converts an underlying value to the logical value the schema's name asks for.</summary>
    public static object ToLogical(Schema schema, object value)
    {
        switch (schema.Name)
        {
            case DecimalSchema.LogicalName:
                return value is byte[] bytes
                    ? DecimalSchema.ToLogical(schema, bytes)
                    : throw new DataException($"Invalid type for Decimal, underlying representation should be bytes but was {value.GetType()}");
            case DateSchema.LogicalName:
                return value is int days
                    ? DateSchema.ToLogical(schema, days)
                    : throw new DataException($"Invalid type for Date, underlying representation should be int32 but was {value.GetType()}");
            case TimeSchema.LogicalName:
                return value is int millis
                    ? TimeSchema.ToLogical(schema, millis)
                    : throw new DataException($"Invalid type for Time, underlying representation should be int32 but was {value.GetType()}");
            case TimestampSchema.LogicalName:
                return value is long epochMillis
                    ? TimestampSchema.ToLogical(schema, epochMillis)
                    : throw new DataException($"Invalid type for Timestamp, underlying representation should be int64 but was {value.GetType()}");
            default:
                return value;
        }
    }
}
