namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>decimal.handling.mode</c>.</summary>
public enum DecimalHandlingMode
{
    /// <summary><c>precise</c>: Kafka Connect Decimal (or VariableScaleDecimal without a fixed scale).</summary>
    Precise,

    /// <summary><c>double</c>: FLOAT64.</summary>
    Double,

    /// <summary><c>string</c>: STRING.</summary>
    String,
}
