using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Chain.Internal;

/// <summary>
/// Kafka's <c>Values.SchemaMerger</c>: the common schema of parsed array elements or map keys/values, widening numbers
/// (INT8 → INT16 → INT32 → INT64 → FLOAT32 → FLOAT64); any other mix has no common schema.
/// </summary>
internal sealed class ValueSchemaMerger
{
    private bool _compatible = true;

    /// <summary>The schema all merged values fit, or null when none was seen or they have none in common.</summary>
    public Schema? Common { get; private set; }

    public void Merge(SchemaAndValue? latest)
    {
        if (latest?.Schema is not { } schema || !_compatible)
        {
            return;
        }

        if (Common is null)
        {
            Common = schema;
            return;
        }

        Common = MergeSchemas(Common, schema);
        _compatible = Common is not null;
    }

    /// <summary>Kafka's <c>convertTo(schema, null, value)</c> for the conversions merged schemas need.</summary>
    /// <exception cref="DataException">The value cannot take that schema; the caller falls back to a string.</exception>
    public static object? ConvertTo(Schema schema, object? value)
    {
        if (value is null)
        {
            return schema.IsOptional ? null : throw new DataException("Unable to convert a null value to a schema that requires a value");
        }

        return schema.Name switch
        {
            DateSchema.LogicalName => value is DateOnly ? value : DateSchema.ToLogical(schema, checked((int)AsLong(value, schema))),
            TimeSchema.LogicalName => value is TimeOnly ? value : TimeSchema.ToLogical(schema, checked((int)AsLong(value, schema))),
            TimestampSchema.LogicalName => value is DateTimeOffset ? value : TimestampSchema.ToLogical(schema, AsLong(value, schema)),
            DecimalSchema.LogicalName => value is ConnectDecimal ? value : throw Unconvertible(value, schema),
            _ => schema.Type switch
            {
                SchemaType.Int8 => (sbyte)AsLong(value, schema),
                SchemaType.Int16 => (short)AsLong(value, schema),
                SchemaType.Int32 => (int)AsLong(value, schema),
                SchemaType.Int64 => AsLong(value, schema),
                SchemaType.Float32 => value is long l ? (float)l : (float)AsDouble(value, schema),
                SchemaType.Float64 => AsDouble(value, schema),
                SchemaType.String => value as string ?? throw Unconvertible(value, schema),
                SchemaType.Boolean => value as bool? ?? throw Unconvertible(value, schema),
                _ => value,
            },
        };
    }

    private static Schema? MergeSchemas(Schema previous, Schema latest)
    {
        if (previous.Type != latest.Type)
        {
            var previousRank = NumericRank(previous.Type);
            var latestRank = NumericRank(latest.Type);
            if (previousRank < 0 || latestRank < 0)
            {
                return null;
            }

            return latestRank > previousRank ? latest : previous;
        }

        if (previous.IsOptional == latest.IsOptional)
        {
            // Same type and optionality: Kafka keeps the latest schema (so a Time after a Date wins).
            return previous.IsOptional ? previous : latest;
        }

        return previous.Equals(latest) ? previous : null;
    }

    private static int NumericRank(SchemaType type) => type switch
    {
        SchemaType.Int8 => 0,
        SchemaType.Int16 => 1,
        SchemaType.Int32 => 2,
        SchemaType.Int64 => 3,
        SchemaType.Float32 => 4,
        SchemaType.Float64 => 5,
        _ => -1,
    };

    private static long AsLong(object value, Schema schema) => value switch
    {
        sbyte b => b,
        short s => s,
        int i => i,
        long l => l,
        float f => (long)f,
        double d => (long)d,
        _ => throw Unconvertible(value, schema),
    };

    private static double AsDouble(object value, Schema schema) => value switch
    {
        sbyte b => b,
        short s => s,
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        _ => throw Unconvertible(value, schema),
    };

    private static DataException Unconvertible(object value, Schema schema) =>
        new($"Unable to convert {value} ({value.GetType()}) to {schema}");
}
