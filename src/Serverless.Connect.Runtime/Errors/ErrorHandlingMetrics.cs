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

    internal void RecordFailure() => Interlocked.Increment(ref _totalRecordFailures);

    internal void RecordError() => Interlocked.Increment(ref _totalRecordErrors);

    internal void RecordSkipped() => Interlocked.Increment(ref _totalRecordsSkipped);

    internal void RecordRetry() => Interlocked.Increment(ref _totalRetries);

    internal void RecordErrorLogged() => Interlocked.Increment(ref _totalErrorsLogged);

    internal void RecordDeadLetterQueueProduceRequest() => Interlocked.Increment(ref _deadLetterQueueProduceRequests);

    internal void RecordDeadLetterQueueProduceFailed() => Interlocked.Increment(ref _deadLetterQueueProduceFailures);

    internal void RecordErrorTimestamp(long epochMilliseconds) => Interlocked.Exchange(ref _lastErrorTimestamp, epochMilliseconds);
}
