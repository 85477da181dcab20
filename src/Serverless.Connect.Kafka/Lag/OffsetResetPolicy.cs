namespace Serverless.Connect.Kafka.Lag;

/// <summary>KEDA's <c>offsetResetPolicy</c>: where a consumer without a committed offset starts, which decides its lag.</summary>
public enum OffsetResetPolicy
{
    /// <summary>KEDA's default: a new consumer reads only new records.</summary>
    Latest,

    /// <summary>A new consumer reads the partition from its first retained record.</summary>
    Earliest,
}
