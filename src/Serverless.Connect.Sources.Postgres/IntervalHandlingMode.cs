namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>interval.handling.mode</c>.</summary>
public enum IntervalHandlingMode
{
    /// <summary><c>numeric</c>: io.debezium.time.MicroDuration (approximate microseconds).</summary>
    Numeric,

    /// <summary><c>string</c>: io.debezium.time.Interval ISO-8601 text.</summary>
    String,
}
