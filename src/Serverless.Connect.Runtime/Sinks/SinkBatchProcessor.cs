using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Runtime.Sinks;

/// <summary>
/// One batch through a sink, the part of Connect's <c>WorkerSinkTask</c> both hosts share: each record through the
/// pipeline (converters, SMTs, error handler with DLQ), then the sink's put, then the error handling of each outcome.
/// </summary>
/// <remarks>
/// A record is reported done (through the callback) only once it is written, dead-lettered, or intentionally dropped; a
/// failure the configuration does not tolerate throws before the record is done, so no host commits past it.
/// </remarks>
public sealed partial class SinkBatchProcessor
{
    private readonly SinkRecordPipeline _pipeline;
    private readonly ISinkTask _sink;
    private readonly bool _reportPutFailures;
    private readonly ILogger _logger;

    /// <summary>Creates a processor.</summary>
    /// <param name="pipeline">The pre-put pipeline.</param>
    /// <param name="sink">The sink task.</param>
    /// <param name="logger">Logs put failures that are not reported, or null.</param>
    public SinkBatchProcessor(SinkRecordPipeline pipeline, ISinkTask sink, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(sink);
        _pipeline = pipeline;
        _sink = sink;
        _logger = logger ?? NullLogger.Instance;
        var errors = pipeline.ErrorHandler.Config;
        // Connect hands the task an ErrantRecordReporter only when a DLQ or error logging is configured.
        _reportPutFailures = errors.DeadLetterQueueTopic is not null || errors.LogEnable;
    }

    /// <summary>Processes a batch.</summary>
    /// <param name="batch">The consumed records, in Kafka order per partition.</param>
    /// <param name="completed">Called for each record that is done (written, dead-lettered or dropped), in no particular order.</param>
    /// <param name="cancellationToken">Cancels the batch; records not reported done must be redelivered.</param>
    /// <returns>How many records reached the sink, and the first offset of each partition left retriable.</returns>
    /// <exception cref="ConnectException">
    /// A failure that is not tolerated (<see cref="Errors.ToleranceExceededException"/>), a record the sink says must fail
    /// the task, or a record that could not be delivered to the dead letter queue.
    /// </exception>
    public async Task<SinkBatchResult> ProcessAsync(
        IReadOnlyList<ConsumedRecord> batch, Action<ConsumedRecord> completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(completed);
        var toPut = new List<ConnectRecord>(batch.Count);
        var origins = new List<ConsumedRecord>(batch.Count);
        foreach (var consumed in batch)
        {
            var failuresBefore = _pipeline.ErrorHandler.Metrics.DeadLetterQueueProduceFailures;
            var processed = await _pipeline.ProcessAsync(consumed, cancellationToken).ConfigureAwait(false);
            EnsureDeadLettered(consumed, failuresBefore);
            if (processed.Outcome == PipelineOutcome.Record)
            {
                toPut.Add(processed.Record!);
                origins.Add(consumed);
            }
            else
            {
                completed(consumed);
            }
        }

        var retriable = new Dictionary<SinkPartition, long>();
        if (toPut.Count == 0)
        {
            return new SinkBatchResult(0, retriable);
        }

        var outcomes = await _sink.PutAsync(toPut, cancellationToken).ConfigureAwait(false);
        if (outcomes.Count != toPut.Count)
        {
            throw new ConnectException($"Sink task {_sink.TaskClassName} returned {outcomes.Count} outcomes for {toPut.Count} records");
        }

        for (var i = 0; i < outcomes.Count; i++)
        {
            var consumed = origins[i];
            var outcome = outcomes[i];
            switch (outcome.Status)
            {
                case SinkRecordStatus.Written:
                    completed(consumed);
                    break;
                case SinkRecordStatus.Skipped or SinkRecordStatus.Malformed:
                    if (outcome.Error is { } error)
                    {
                        await ReportPutFailureAsync(consumed, error, cancellationToken).ConfigureAwait(false);
                    }

                    completed(consumed);
                    break;
                case SinkRecordStatus.Failed:
                    await ReportPutFailureAsync(consumed, outcome.Error ?? new SinkRecordError("Failed"), cancellationToken).ConfigureAwait(false);
                    throw new ConnectException(
                        $"Sink task {_sink.TaskClassName} failed record {consumed.Topic}-{consumed.Partition}@{consumed.Offset}: {outcome.Error?.Message}",
                        ErrorRecordContext.ForRecord(consumed.Topic, consumed.Partition, consumed.Offset),
                        outcome.Error?.Exception);
                default:
                    // Outcomes are in input order, so the first retriable record of a partition is its lowest.
                    retriable.TryAdd(new SinkPartition(consumed.Topic, consumed.Partition), consumed.Offset);
                    break;
            }
        }

        return new SinkBatchResult(toPut.Count, retriable);
    }

    private async ValueTask ReportPutFailureAsync(ConsumedRecord consumed, SinkRecordError error, CancellationToken cancellationToken)
    {
        if (!_reportPutFailures)
        {
            LogPutFailureNotReported(_logger, consumed.Topic, consumed.Partition, consumed.Offset, error.Message);
            return;
        }

        var failuresBefore = _pipeline.ErrorHandler.Metrics.DeadLetterQueueProduceFailures;
        var exception = error.Exception ?? new ConnectException(error.Message);
        // With errors.tolerance=none this throws ToleranceExceededException: the task fails without completing the record.
        await _pipeline.ReportPutFailureAsync(consumed, _sink.TaskClassName, exception, cancellationToken).ConfigureAwait(false);
        EnsureDeadLettered(consumed, failuresBefore);
    }

    // The DLQ reporter only logs and counts a failed send (as Connect does); completing that record would lose it.
    private void EnsureDeadLettered(ConsumedRecord consumed, long failuresBefore)
    {
        if (_pipeline.ErrorHandler.Metrics.DeadLetterQueueProduceFailures != failuresBefore)
        {
            throw new ConnectException(
                $"Could not deliver record {consumed.Topic}-{consumed.Partition}@{consumed.Offset} to the dead letter queue; stopping without committing it",
                ErrorRecordContext.ForRecord(consumed.Topic, consumed.Partition, consumed.Offset));
        }
    }
}
