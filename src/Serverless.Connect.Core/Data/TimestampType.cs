namespace Serverless.Connect.Data;

/// <summary>The meaning of a record's timestamp, mirroring Kafka's <c>org.apache.kafka.common.record.TimestampType</c>.</summary>
public enum TimestampType
{
    /// <summary>The record has no timestamp (<c>NoTimestampType</c>).</summary>
    NoTimestampType = -1,

    /// <summary>The timestamp was set by the producer (<c>CreateTime</c>).</summary>
    CreateTime = 0,

    /// <summary>The timestamp was set by the broker when appending (<c>LogAppendTime</c>).</summary>
    LogAppendTime = 1,
}
