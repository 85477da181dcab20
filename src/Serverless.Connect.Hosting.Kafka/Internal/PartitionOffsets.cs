namespace Serverless.Connect.Hosting.Kafka.Internal;

/// <summary>The watermark state of one partition; see <see cref="PartitionOffsetTracker"/>.</summary>
internal sealed class PartitionOffsets
{
    private readonly SortedSet<long> _pending = [];

    // Completed offsets above the lowest pending one: needed to skip them when the partition is redelivered from there.
    private readonly SortedSet<long> _completedAbove = [];
    private long _highestSeen = -1;

    public long? LastCommitted { get; set; }

    public long? LowestPending => _pending.Count > 0 ? _pending.Min : null;

    /// <summary>The next offset to consume once everything before it is done (Kafka's commit convention: last done + 1).</summary>
    public long? Committable => _pending.Count > 0 ? _pending.Min : _highestSeen >= 0 ? _highestSeen + 1 : null;

    public void Track(long offset)
    {
        if (IsCompleted(offset))
        {
            return;
        }

        _pending.Add(offset);
        _highestSeen = Math.Max(_highestSeen, offset);
    }

    public void Complete(long offset)
    {
        _pending.Remove(offset);
        _highestSeen = Math.Max(_highestSeen, offset);
        _completedAbove.Add(offset);
        if (Committable is { } watermark)
        {
            _completedAbove.RemoveWhere(o => o < watermark);
        }
    }

    public bool IsCompleted(long offset) =>
        _completedAbove.Contains(offset) || (Committable is { } watermark && offset < watermark && !_pending.Contains(offset));
}
