namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// Counters of Connect's <c>task-error-metrics</c> group for one task. Thread-safe; read them for metrics export.
/// </summary>
public sealed class ErrorHandlingMetrics
{
    private long _totalRecordFailures;
    private long _totalRecordErrors;
    private long _totalRecordsSkipped;
    private long _totalRetries;
    private long _totalErrorsLogged;
    private long _deadLetterQueueProduceRequests;
    private long _deadLetterQueueProduceFailures;
    private long _lastErrorTimestamp;

    /// <summary>Gets <c>total-record-failures</c>: failed attempts, including each retriable failure.</summary>
    public long TotalRecordFailures => Interlocked.Read(ref _totalRecordFailures);

    /// <summary>Gets <c>total-record-errors</c>: operations that failed for good.</summary>
    public long TotalRecordErrors => Interlocked.Read(ref _totalRecordErrors);

    /// <summary>Gets <c>total-records-skipped</c>: records skipped because their error was tolerated.</summary>
    public long TotalRecordsSkipped => Interlocked.Read(ref _totalRecordsSkipped);

    /// <summary>Gets <c>total-retries</c>.</summary>
    public long TotalRetries => Interlocked.Read(ref _totalRetries);

    /// <summary>Gets <c>total-errors-logged</c>.</summary>
    public long TotalErrorsLogged => Interlocked.Read(ref _totalErrorsLogged);

    /// <summary>Gets <c>deadletterqueue-produce-requests</c>.</summary>
    public long DeadLetterQueueProduceRequests => Interlocked.Read(ref _deadLetterQueueProduceRequests);

    /// <summary>Gets <c>deadletterqueue-produce-failures</c>.</summary>
    public long DeadLetterQueueProduceFailures => Interlocked.Read(ref _deadLetterQueueProduceFailures);

    /// <summary>Gets <c>last-error-timestamp</c> in epoch milliseconds; 0 before the first error.</summary>
    public long LastErrorTimestamp => Interlocked.Read(ref _lastErrorTimestamp);

    /// <summary>Counts one failed attempt.</summary>
    public void RecordFailure() => Interlocked.Increment(ref _totalRecordFailures);

    /// <summary>Counts one operation that failed for good.</summary>
    public void RecordError() => Interlocked.Increment(ref _totalRecordErrors);

    /// <summary>Counts one record skipped because its failure was tolerated.</summary>
    public void RecordSkipped() => Interlocked.Increment(ref _totalRecordsSkipped);

    /// <summary>Counts one retry.</summary>
    public void RecordRetry() => Interlocked.Increment(ref _totalRetries);

    /// <summary>Counts one error written to the log.</summary>
    public void RecordErrorLogged() => Interlocked.Increment(ref _totalErrorsLogged);

    /// <summary>Counts one record sent to the dead-letter queue.</summary>
    public void RecordDeadLetterQueueProduceRequest() => Interlocked.Increment(ref _deadLetterQueueProduceRequests);

    /// <summary>Counts one dead-letter record that could not be produced (for producers that learn of failures asynchronously).</summary>
    public void RecordDeadLetterQueueProduceFailed() => Interlocked.Increment(ref _deadLetterQueueProduceFailures);

    /// <summary>Sets <c>last-error-timestamp</c>.</summary>
    /// <param name="epochMilliseconds">When the error happened.</param>
    public void RecordErrorTimestamp(long epochMilliseconds) => Interlocked.Exchange(ref _lastErrorTimestamp, epochMilliseconds);
}
