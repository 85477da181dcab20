using Confluent.Kafka;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Sinks.Elasticsearch;

namespace Serverless.Connect.Hosting.Kafka;

/// <content>One batch: pipeline per record, put, dead-lettering and redelivery decisions.</content>
public sealed partial class StandaloneSinkHost
{
    private async ValueTask ProcessBatchAsync(IConsumer<byte[]?, byte[]?> consumer, CancellationToken cancellationToken)
    {
        if (_batch.Count > _batchSizeMax)
        {
            Volatile.Write(ref _batchSizeMax, _batch.Count);
        }

        var toPut = new List<ConnectRecord>(_batch.Count);
        var origins = new List<ConsumedRecord>(_batch.Count);
        foreach (var result in _batch)
        {
            var consumed = ToConsumed(result);
            var failuresBefore = ErrorMetrics.DeadLetterQueueProduceFailures;
            // ToleranceExceededException (a ConnectException) propagates: the task fails before this record is done.
            var processed = await _pipeline.ProcessAsync(consumed, cancellationToken).ConfigureAwait(false);
            EnsureDeadLettered(consumed, failuresBefore);
            if (processed.Outcome == PipelineOutcome.Record)
            {
                toPut.Add(processed.Record!);
                origins.Add(consumed);
            }
            else
            {
                Complete(consumed);
            }
        }

        if (toPut.Count == 0)
        {
            return;
        }

        Interlocked.Add(ref _recordsPut, toPut.Count);
        var outcomes = await _sink.PutAsync(toPut, cancellationToken).ConfigureAwait(false);
        var retriable = new Dictionary<TopicPartition, long>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            var consumed = origins[i];
            var outcome = outcomes[i];
            switch (outcome.Status)
            {
                case SinkRecordStatus.Written:
                    Complete(consumed);
                    break;
                case SinkRecordStatus.Skipped or SinkRecordStatus.Malformed:
                    if (outcome.Error is { } error)
                    {
                        await ReportPutFailureAsync(consumed, error, cancellationToken).ConfigureAwait(false);
                    }

                    Complete(consumed);
                    break;
                case SinkRecordStatus.Failed:
                    await ReportPutFailureAsync(consumed, outcome.Error ?? new SinkRecordError("Failed"), cancellationToken).ConfigureAwait(false);
                    throw new ConnectException(
                        $"Bulk request failed for record {consumed.Topic}-{consumed.Partition}@{consumed.Offset}: {outcome.Error?.Message}",
                        ErrorRecordContext.ForRecord(consumed.Topic, consumed.Partition, consumed.Offset),
                        outcome.Error?.Exception);
                default:
                    // Outcomes are in input order, so the first retriable record of a partition is its lowest.
                    retriable.TryAdd(new TopicPartition(consumed.Topic, consumed.Partition), consumed.Offset);
                    break;
            }
        }

        foreach (var (partition, offset) in retriable)
        {
            Interlocked.Increment(ref _redeliveries);
            _redelivery.Schedule(consumer, partition, offset);
            LogRedelivery(_logger, partition.Topic, partition.Partition.Value, offset);
        }

        foreach (var consumed in origins)
        {
            var partition = new TopicPartition(consumed.Topic, consumed.Partition);
            if (!retriable.ContainsKey(partition))
            {
                _redelivery.Succeeded(partition);
            }
        }
    }

    private async ValueTask ReportPutFailureAsync(ConsumedRecord consumed, SinkRecordError error, CancellationToken cancellationToken)
    {
        if (!_reportPutFailures)
        {
            LogPutFailureNotReported(_logger, consumed.Topic, consumed.Partition, consumed.Offset, error.Message);
            return;
        }

        var failuresBefore = ErrorMetrics.DeadLetterQueueProduceFailures;
        var exception = error.Exception ?? new ConnectException(error.Message);
        // With errors.tolerance=none this throws ToleranceExceededException: the task fails without completing the record.
        await _pipeline.ReportPutFailureAsync(consumed, ElasticsearchSinkTaskClass, exception, cancellationToken).ConfigureAwait(false);
        EnsureDeadLettered(consumed, failuresBefore);
    }

    // The DLQ reporter only logs and counts a failed send (as Connect does); committing past that record would lose it.
    private void EnsureDeadLettered(ConsumedRecord consumed, long failuresBefore)
    {
        if (ErrorMetrics.DeadLetterQueueProduceFailures != failuresBefore)
        {
            throw new ConnectException(
                $"Could not deliver record {consumed.Topic}-{consumed.Partition}@{consumed.Offset} to the dead letter queue; stopping without committing it",
                ErrorRecordContext.ForRecord(consumed.Topic, consumed.Partition, consumed.Offset));
        }
    }

    private void Complete(ConsumedRecord consumed) => Offsets.Complete(new TopicPartition(consumed.Topic, consumed.Partition), consumed.Offset);

    private static ConsumedRecord ToConsumed(ConsumeResult<byte[]?, byte[]?> result)
    {
        var message = result.Message;
        RawHeader[]? headers = null;
        if (message.Headers is { Count: > 0 } raw)
        {
            headers = new RawHeader[raw.Count];
            for (var i = 0; i < raw.Count; i++)
            {
                headers[i] = new RawHeader(raw[i].Key, raw[i].GetValueBytes());
            }
        }

        var (timestamp, type) = message.Timestamp.Type switch
        {
            Confluent.Kafka.TimestampType.CreateTime => (message.Timestamp.UnixTimestampMs, Data.TimestampType.CreateTime),
            Confluent.Kafka.TimestampType.LogAppendTime => (message.Timestamp.UnixTimestampMs, Data.TimestampType.LogAppendTime),
            _ => ((long?)null, Data.TimestampType.NoTimestampType),
        };
        return new ConsumedRecord(result.Topic, result.Partition.Value, result.Offset.Value, timestamp, message.Key, message.Value, headers, type);
    }
}
