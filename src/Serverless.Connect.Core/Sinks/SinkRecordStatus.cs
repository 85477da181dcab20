namespace Serverless.Connect.Sinks;

/// <summary>What happened to one record passed to <see cref="ISinkTask.PutAsync"/>.</summary>
public enum SinkRecordStatus
{
    /// <summary>Durably applied in Elasticsearch (including a version conflict under external versioning: a newer offset already won).</summary>
    Written,

    /// <summary>Intentionally not written; when <see cref="SinkRecordOutcome.Error"/> is set it should be reported like Confluent does.</summary>
    Skipped,

    /// <summary>Rejected as bad data; report it to the dead letter queue and treat its offset as processed.</summary>
    Malformed,

    /// <summary>Rejected as bad data and the configuration says the task must fail; report it, then fail.</summary>
    Failed,

    /// <summary>Not written because of a transient condition that outlasted the retries; redeliver it, never dead-letter it.</summary>
    Retriable,
}
