namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// One partition a sink reads: the commit times of its records in offset order, consumed as the sink's committed
/// offset passes them (a sink commits only records it has durably written or dead-lettered).
/// </summary>
internal sealed class PartitionLedger
{
    private readonly Queue<(long Offset, long? Committed)> _pending = new();
    private readonly Lock _lock = new();
    private readonly LatencySamples _samples;
    private readonly TimeProvider _time;
    private long _sinkCommitted;

    public PartitionLedger(LatencySamples samples, TimeProvider time)
    {
        _samples = samples;
        _time = time;
    }

    public void Seen(long offset, long? committedAt)
    {
        lock (_lock)
        {
            if (offset < _sinkCommitted)
            {
                // The sink got there before the watcher did: "now" is an upper bound.
                Sample(committedAt);
                return;
            }

            _pending.Enqueue((offset, committedAt));
        }
    }

    public void SinkCommitted(long offset)
    {
        lock (_lock)
        {
            _sinkCommitted = Math.Max(_sinkCommitted, offset);
            while (_pending.TryPeek(out var next) && next.Offset < _sinkCommitted)
            {
                _pending.Dequeue();
                Sample(next.Committed);
            }
        }
    }

    private void Sample(long? committedAt)
    {
        if (committedAt is { } at)
        {
            _samples.Add(_time.GetElapsedTime(at).TotalMilliseconds);
        }
    }
}
