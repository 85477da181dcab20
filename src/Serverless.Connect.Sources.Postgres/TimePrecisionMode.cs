namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>time.precision.mode</c>.</summary>
public enum TimePrecisionMode
{
    /// <summary><c>adaptive</c>: Debezium time types chosen by the column precision.</summary>
    Adaptive,

    /// <summary><c>adaptive_time_microseconds</c>: like adaptive, but every TIME is MicroTime.</summary>
    AdaptiveTimeMicroseconds,

    /// <summary><c>connect</c>: Kafka Connect Date/Time/Timestamp (millisecond precision).</summary>
    Connect,
}
