namespace Serverless.Connect.Sinks.S3;

/// <summary>The storage-common partitioner (<c>partitioner.class</c>).</summary>
public enum PartitionerKind
{
    /// <summary><c>partition=&lt;kafkaPartition&gt;</c>.</summary>
    Default,

    /// <summary><c>&lt;field&gt;=&lt;value&gt;</c> per <c>partition.field.name</c>.</summary>
    Field,

    /// <summary>Time buckets of <c>partition.duration.ms</c> formatted with <c>path.format</c>.</summary>
    TimeBased,

    /// <summary>One-hour buckets, <c>'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH</c>.</summary>
    Hourly,

    /// <summary>One-day buckets, <c>'year'=YYYY/'month'=MM/'day'=dd</c>.</summary>
    Daily,
}
