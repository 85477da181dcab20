namespace Serverless.Connect.Sources.Postgres;

/// <summary>
/// Computes the highest LSN the replication slot may confirm: the highest sealed position at and below which every
/// tracked record has been acknowledged downstream. Records may complete in any order (different partitions).
/// </summary>
/// <remarks>Thread-safe: <see cref="Track"/> and <see cref="Seal"/> come from the producing loop, <see cref="Complete"/> from delivery callbacks.</remarks>
public sealed class LsnAcknowledgementTracker
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _pending = new();
    private ulong _safe;

    /// <summary>Initializes a new instance of the <see cref="LsnAcknowledgementTracker"/> class.</summary>
    /// <param name="initial">The position already confirmed.</param>
    public LsnAcknowledgementTracker(ulong initial = 0)
    {
        _safe = initial;
    }

    /// <summary>Gets the highest position that is safe to confirm.</summary>
    public ulong SafeLsn
    {
        get
        {
            lock (_lock)
            {
                return _safe;
            }
        }
    }

    /// <summary>Gets the number of records handed out and not yet acknowledged.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _pending.Sum(e => e.Outstanding);
            }
        }
    }

    /// <summary>Registers one record at <paramref name="lsn"/>; positions must not decrease.</summary>
    /// <param name="lsn">The record's position.</param>
    public void Track(ulong lsn)
    {
        lock (_lock)
        {
            Tail(lsn).Outstanding++;
        }
    }

    /// <summary>Declares that no more records at or below <paramref name="lsn"/> will be tracked; positions up to it may be confirmed once their records complete.</summary>
    /// <param name="lsn">The position.</param>
    /// <returns>The safe position afterwards.</returns>
    public ulong Seal(ulong lsn)
    {
        lock (_lock)
        {
            foreach (var entry in _pending)
            {
                if (entry.Lsn <= lsn)
                {
                    entry.Sealed = true;
                }
            }

            Tail(lsn).Sealed = true;
            return Advance();
        }
    }

    /// <summary>Marks one record at <paramref name="lsn"/> as acknowledged.</summary>
    /// <param name="lsn">The record's position, as passed to <see cref="Track"/>.</param>
    /// <returns>The safe position afterwards.</returns>
    public ulong Complete(ulong lsn)
    {
        lock (_lock)
        {
            for (var node = _pending.First; node is not null; node = node.Next)
            {
                if (node.Value.Lsn == lsn)
                {
                    node.Value.Outstanding--;
                    break;
                }
            }

            return Advance();
        }
    }

    private Entry Tail(ulong lsn)
    {
        var last = _pending.Last?.Value;
        if (last is not null && last.Lsn == lsn)
        {
            return last;
        }

        if (last is not null && lsn < last.Lsn)
        {
            throw new InvalidOperationException($"Position {lsn} is below the last tracked position {last.Lsn}");
        }

        var entry = new Entry(lsn);
        _pending.AddLast(entry);
        return entry;
    }

    private ulong Advance()
    {
        while (_pending.First is { } first && first.Value.Sealed && first.Value.Outstanding == 0)
        {
            _safe = Math.Max(_safe, first.Value.Lsn);
            _pending.RemoveFirst();
        }

        return _safe;
    }

    private sealed class Entry(ulong lsn)
    {
        public ulong Lsn { get; } = lsn;

        public int Outstanding { get; set; }

        public bool Sealed { get; set; }
    }
}
