using Confluent.Kafka;

namespace Serverless.Connect.Hosting.Kafka;

/// <content>Per-partition lag from the consumer's own state, sampled on the loop thread (no broker round trip).</content>
public sealed partial class StandaloneSinkHost
{
    private static readonly TimeSpan LagSampleInterval = TimeSpan.FromMilliseconds(250);
    private volatile IReadOnlyList<AssignedPartitionLag> _lags = [];
    private long _lastLagSample;

    /// <summary>Gets the assigned partitions' lag as last sampled by the consume loop (every 250 ms while it runs).</summary>
    public IReadOnlyList<AssignedPartitionLag> PartitionLags => _lags;

    private void SampleLag(IConsumer<byte[]?, byte[]?> consumer)
    {
        var time = _options.TimeProvider;
        if (_lastLagSample != 0 && time.GetElapsedTime(_lastLagSample) < LagSampleInterval)
        {
            return;
        }

        _lastLagSample = time.GetTimestamp();
        var assignment = consumer.Assignment;
        var lags = new AssignedPartitionLag[assignment.Count];
        for (var i = 0; i < lags.Length; i++)
        {
            var partition = assignment[i];
            // Both come from librdkafka's local state: the last fetch response's high watermark and the application position.
            var watermarks = consumer.GetWatermarkOffsets(partition);
            var position = consumer.Position(partition);
            lags[i] = new AssignedPartitionLag(
                partition.Topic,
                partition.Partition.Value,
                position.IsSpecial ? null : position.Value,
                watermarks.High.IsSpecial ? null : watermarks.High.Value,
                Offsets.LastCommitted(partition));
        }

        _lags = lags;
    }

    private void ForgetLag(List<TopicPartition> partitions)
    {
        var gone = new HashSet<TopicPartition>(partitions);
        _lags = [.. _lags.Where(l => !gone.Contains(new TopicPartition(l.Topic, l.Partition)))];
    }
}
