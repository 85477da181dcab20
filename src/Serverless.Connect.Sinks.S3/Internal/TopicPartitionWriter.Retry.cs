using Microsoft.Extensions.Logging;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// Standalone mode: a retriable S3 failure (5xx, SlowDown, a reset connection, after the SDK's own retries) keeps the
/// partition's state. The open files stay as they were, the S3 step that failed (a rotation or a part upload) is pending,
/// and the records not yet accepted go back to the host as <see cref="SinkRecordStatus.Retriable"/>, so the consumer keeps
/// polling while S3 is away. After <c>retry.backoff.ms</c> the pending step is retried before any new record.
/// </summary>
/// <remarks>
/// Confluent rewinds the partition to the start of its open files and rebuilds them; resuming instead uploads nothing
/// twice and needs no rewind below the failed batch. Nothing is committed meanwhile: a file boundary is recorded only once
/// every file of a rotation is visible, and preCommit returns only boundaries.
/// </remarks>
internal sealed partial class TopicPartitionWriter
{
    private long? _pendingCommit;
    private bool _pendingFlush;
    private long _retryAt;
    private RetriableException? _failure;

    /// <summary>Gets whether an S3 step failed and waits to be retried.</summary>
    public bool HasPendingWork => _pendingCommit is not null || _pendingFlush;

    /// <summary>Called from preCommit: retries pending S3 work when due, then runs the scheduled rotation.</summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (!await ResumeAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await RotateIfScheduledAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RetriableException e) when (!_s.Staging)
        {
            Failed(e);
        }
    }

    /// <summary>Finishes the S3 step that failed earlier; false when it is not due yet or failed again.</summary>
    private async Task<bool> ResumeAsync(CancellationToken cancellationToken)
    {
        if (!HasPendingWork)
        {
            return true;
        }

        if (Now() < _retryAt)
        {
            return false;
        }

        try
        {
            if (_pendingCommit is { } safe)
            {
                await CommitFilesAsync(safe, cancellationToken).ConfigureAwait(false);
            }

            if (_pendingFlush)
            {
                await FlushOpenFilesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RetriableException e) when (!_s.Staging)
        {
            Failed(e);
            return false;
        }

        if (HasPendingWork)
        {
            return false;
        }

        LogResumed(_s.Logger, _partition.ToString());
        _failure = null;
        return true;
    }

    private async Task FlushOpenFilesAsync(CancellationToken cancellationToken)
    {
        _pendingFlush = !_s.Staging;
        try
        {
            foreach (var file in _files.Values)
            {
                await file.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RetriableException e) when (!_s.Staging)
        {
            Failed(e);
            return;
        }

        _pendingFlush = false;
    }

    /// <summary>Records a retriable failure: what failed stays pending, and nothing is retried before the backoff.</summary>
    private RetriableException Failed(RetriableException e)
    {
        if (_pendingCommit is null)
        {
            // A part upload failed (row group or end of put): the bytes are still buffered.
            _pendingFlush = true;
        }

        _failure = e;
        _retryAt = Now() + (long)_o.RetryBackoff.TotalMilliseconds;
        LogS3Failed(_s.Logger, _partition.ToString(), (long)_o.RetryBackoff.TotalMilliseconds, e.Message);
        return e;
    }

    private void ForgetPending()
    {
        _pendingCommit = null;
        _pendingFlush = false;
        _failure = null;
        _retryAt = 0;
        _accepted = null;
    }

    private static SinkRecordOutcome Deferred(ConnectRecord record, RetriableException e) =>
        new(record, SinkRecordStatus.Retriable, new SinkRecordError(e.Message, Exception: e));

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "S3 failed for {Partition}; its open files are kept and the step is retried after {BackoffMs} ms: {Reason}")]
    private static partial void LogS3Failed(ILogger logger, string partition, long backoffMs, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "S3 is reachable again for {Partition}; pending uploads finished")]
    private static partial void LogResumed(ILogger logger, string partition);
}
