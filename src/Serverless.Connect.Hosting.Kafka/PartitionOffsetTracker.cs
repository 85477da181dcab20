using Confluent.Kafka;
using Serverless.Connect.Hosting.Kafka.Internal;

namespace Serverless.Connect.Hosting.Kafka;

/// <summary>
/// Per-partition commit watermarks (Wolverine's <c>KafkaOffsetCommitter</c> idea): records are tracked in consume order,
/// completed in any order once durably written or dead-lettered, and the committable offset of a partition is the lowest
/// offset still in flight, or the highest seen + 1 when none is, so a commit never passes an unfinished record.
/// </summary>
/// <remarks>Thread-safe; the host uses it from its consume loop only.</remarks>
public sealed class PartitionOffsetTracker
{
    private readonly Dictionary<TopicPartition, PartitionOffsets> _partitions = [];
    private readonly Lock _lock = new();

    /// <summary>Records that a consumed record is in flight. Tracking an offset that is already complete does nothing.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="offset">The record's offset.</param>
    public void Track(TopicPartition partition, long offset)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            State(partition).Track(offset);
        }
    }

    /// <summary>Marks a record as done: written, skipped, dropped or delivered to the dead-letter queue.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="offset">The record's offset.</param>
    public void Complete(TopicPartition partition, long offset)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            State(partition).Complete(offset);
        }
    }

    /// <summary>Whether a record is already done, so a redelivered copy must be skipped.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="offset">The record's offset.</param>
    /// <returns>True when it was completed (or lies below the watermark without being in flight).</returns>
    public bool IsCompleted(TopicPartition partition, long offset)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            return _partitions.TryGetValue(partition, out var state) && state.IsCompleted(offset);
        }
    }

    /// <summary>The offset to commit for a partition (next offset to read), or null when nothing was tracked.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The committable offset.</returns>
    public long? Committable(TopicPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            return _partitions.TryGetValue(partition, out var state) ? state.Committable : null;
        }
    }

    /// <summary>The lowest in-flight offset of a partition, or null when none is in flight.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The offset.</returns>
    public long? LowestPending(TopicPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            return _partitions.TryGetValue(partition, out var state) ? state.LowestPending : null;
        }
    }

    /// <summary>The offset last marked committed for a partition, if any.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The offset, or null.</returns>
    public long? LastCommitted(TopicPartition partition)
    {
        lock (_lock)
        {
            return _partitions.TryGetValue(partition, out var state) ? state.LastCommitted : null;
        }
    }

    /// <summary>The committable offsets that moved since they were last marked committed.</summary>
    /// <param name="only">Restricts the result to these partitions; all when null.</param>
    /// <returns>The offsets to commit.</returns>
    public IReadOnlyList<TopicPartitionOffset> PendingCommits(IEnumerable<TopicPartition>? only = null)
    {
        lock (_lock)
        {
            var result = new List<TopicPartitionOffset>();
            var filter = only is null ? null : new HashSet<TopicPartition>(only);
            foreach (var (partition, state) in _partitions)
            {
                if ((filter is null || filter.Contains(partition)) && state.Committable is { } offset && offset != state.LastCommitted)
                {
                    result.Add(new TopicPartitionOffset(partition, offset));
                }
            }

            return result;
        }
    }

    /// <summary>Records that offsets were committed, so <see cref="PendingCommits"/> stops returning them.</summary>
    /// <param name="offsets">The committed offsets.</param>
    public void MarkCommitted(IEnumerable<TopicPartitionOffset> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        lock (_lock)
        {
            foreach (var offset in offsets)
            {
                if (_partitions.TryGetValue(offset.TopicPartition, out var state))
                {
                    state.LastCommitted = offset.Offset.Value;
                }
            }
        }
    }

    /// <summary>Forgets a partition (it was revoked or lost); its records in flight will be consumed again by the next owner.</summary>
    /// <param name="partition">The partition.</param>
    public void Remove(TopicPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            _partitions.Remove(partition);
        }
    }

    private PartitionOffsets State(TopicPartition partition)
    {
        if (!_partitions.TryGetValue(partition, out var state))
        {
            state = new PartitionOffsets();
            _partitions[partition] = state;
        }

        return state;
    }
}
