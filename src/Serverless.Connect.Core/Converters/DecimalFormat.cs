namespace Serverless.Connect.Converters;

/// <summary>How the JSON converter writes Kafka <c>Decimal</c> values (<c>decimal.format</c>).</summary>
public enum DecimalFormat
{
    /// <summary>A base64 string of the unscaled two's-complement bytes (<c>BASE64</c>, the default).</summary>
    Base64,

    /// <summary>A JSON number, as Java's <c>BigDecimal.toString()</c> prints it (<c>NUMERIC</c>).</summary>
    Numeric,
}
