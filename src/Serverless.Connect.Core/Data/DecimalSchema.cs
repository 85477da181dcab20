using System.Globalization;
using System.Numerics;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>
/// Kafka's <c>Decimal</c> logical type (<c>org.apache.kafka.connect.data.Decimal</c>): BYTES holding the big-endian
/// two's-complement unscaled value, with the scale in the <c>scale</c> parameter. Values are <see cref="ConnectDecimal"/>.
/// </summary>
public static class DecimalSchema
{
    /// <summary>The logical type name.</summary>
    public const string LogicalName = "org.apache.kafka.connect.data.Decimal";

    /// <summary>The name of the parameter holding the scale.</summary>
    public const string ScaleParameter = "scale";

    /// <summary>Returns a builder for a Decimal schema with the given scale (version 1).</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>The builder, to which optionality, defaults or more parameters can be added.</returns>
    public static SchemaBuilder Builder(int scale) =>
        SchemaBuilder.Bytes().Name(LogicalName).Parameter(ScaleParameter, scale.ToString(CultureInfo.InvariantCulture)).Version(1);

    /// <summary>Returns a required Decimal schema with the given scale.</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>The schema.</returns>
    public static Schema Create(int scale) => Builder(scale).Build();

    /// <summary>Encodes a value as its unscaled big-endian two's-complement bytes.</summary>
    /// <param name="schema">A Decimal schema.</param>
    /// <param name="value">The value; its scale must equal the schema's.</param>
    /// <returns>The encoded bytes.</returns>
    /// <exception cref="DataException">The schema has no valid scale or the scales differ.</exception>
    public static byte[] FromLogical(Schema schema, ConnectDecimal value)
    {
        if (value.Scale != ScaleOf(schema))
        {
            throw new DataException("BigDecimal has mismatching scale value for given Decimal schema");
        }

        return value.Unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
    }

    /// <summary>Decodes unscaled big-endian two's-complement bytes using the schema's scale.</summary>
    /// <param name="schema">A Decimal schema.</param>
    /// <param name="value">The encoded bytes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DataException">The schema has no valid scale or the bytes are empty.</exception>
    public static ConnectDecimal ToLogical(Schema schema, ReadOnlySpan<byte> value)
    {
        var scale = ScaleOf(schema);
        if (value.IsEmpty)
        {
            throw new DataException("Invalid bytes for Decimal field: zero length");
        }

        return new ConnectDecimal(new BigInteger(value, isUnsigned: false, isBigEndian: true), scale);
    }

    /// <summary>Returns the scale declared by a Decimal schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="DataException">The <c>scale</c> parameter is missing or not an integer.</exception>
    public static int ScaleOf(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.DecimalScale is { } cached)
        {
            return cached;
        }

        if (schema.Parameters is null || !schema.Parameters.TryGetValue(ScaleParameter, out var text))
        {
            throw new DataException("Invalid Decimal schema: scale parameter not found.");
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var scale))
        {
            throw new DataException($"Invalid scale parameter found in Decimal schema: {text}");
        }

        return scale;
    }
}
