using Confluent.Kafka;

namespace Serverless.Connect.Hosting.Kafka.Internal;

/// <summary>
/// Partitions paused because the sink left a record retriable: each is resumed from that record after an exponential
/// backoff, so the partition's order is kept and other partitions keep flowing. Used from the consume loop only.
/// </summary>
internal sealed class RedeliverySchedule
{
    private readonly Dictionary<TopicPartition, Entry> _entries = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    public RedeliverySchedule(TimeProvider time, TimeSpan initial, TimeSpan max)
    {
        _time = time;
        _initial = initial;
        _max = max;
    }

    public bool IsPaused(TopicPartition partition) => _entries.TryGetValue(partition, out var entry) && entry.Paused;

    /// <summary>Pauses the partition; it is rewound to <paramref name="offset"/> when due.</summary>
    public void Schedule(IConsumer<byte[]?, byte[]?> consumer, TopicPartition partition, long offset)
    {
        var attempts = _entries.TryGetValue(partition, out var previous) ? previous.Attempts + 1 : 1;
        var delay = TimeSpan.FromTicks(Math.Min(_max.Ticks, _initial.Ticks * (1L << Math.Min(attempts - 1, 20))));
        consumer.Pause([partition]);
        _entries[partition] = new Entry(offset, _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency), attempts, true);
    }

    /// <summary>Rewinds and resumes every partition whose backoff is over.</summary>
    public void ResumeDue(IConsumer<byte[]?, byte[]?> consumer)
    {
        if (_entries.Count == 0)
        {
            return;
        }

        var now = _time.GetTimestamp();
        foreach (var (partition, entry) in _entries.ToArray())
        {
            if (entry.Paused && entry.Due <= now)
            {
                // Seeking discards whatever was fetched past the retriable record before the pause.
                consumer.Seek(new TopicPartitionOffset(partition, entry.Offset));
                consumer.Resume([partition]);
                _entries[partition] = entry with { Paused = false };
            }
        }
    }

    /// <summary>The partition made progress: the next failure starts the backoff again.</summary>
    public void Succeeded(TopicPartition partition)
    {
        if (_entries.TryGetValue(partition, out var entry) && !entry.Paused)
        {
            _entries.Remove(partition);
        }
    }

    public void Remove(TopicPartition partition) => _entries.Remove(partition);

    private sealed record Entry(long Offset, long Due, int Attempts, bool Paused);
}
