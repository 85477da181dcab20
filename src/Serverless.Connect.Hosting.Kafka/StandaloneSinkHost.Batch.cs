using Confluent.Kafka;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Hosting.Kafka;

/// <content>One batch: the shared batch processor, then commit bookkeeping and redelivery decisions.</content>
public sealed partial class StandaloneSinkHost
{
    private async ValueTask ProcessBatchAsync(IConsumer<byte[]?, byte[]?> consumer, CancellationToken cancellationToken)
    {
        if (_batch.Count > _batchSizeMax)
        {
            Volatile.Write(ref _batchSizeMax, _batch.Count);
        }

        var consumed = new ConsumedRecord[_batch.Count];
        for (var i = 0; i < consumed.Length; i++)
        {
            consumed[i] = ToConsumed(_batch[i]);
        }

        // ToleranceExceededException and other ConnectExceptions propagate: the task fails before those records are done.
        var result = await _processor.ProcessAsync(consumed, Complete, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _recordsPut, result.RecordsPut);
        foreach (var (partition, offset) in result.FirstRetriable)
        {
            Interlocked.Increment(ref _redeliveries);
            _redelivery.Schedule(consumer, new TopicPartition(partition.Topic, partition.Partition), offset);
            LogRedelivery(_logger, partition.Topic, partition.Partition, offset);
        }

        foreach (var record in consumed)
        {
            var partition = new TopicPartition(record.Topic, record.Partition);
            if (!result.FirstRetriable.ContainsKey(new(record.Topic, record.Partition)))
            {
                _redelivery.Succeeded(partition);
            }
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
