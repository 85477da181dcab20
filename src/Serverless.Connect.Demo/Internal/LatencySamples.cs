namespace Serverless.Connect.Demo.Internal;

/// <summary>Latency samples of one stage, in milliseconds (bounded: beyond the cap every other sample is kept).</summary>
internal sealed class LatencySamples
{
    private const int Cap = 1_000_000;
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();
    private long _seen;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _seen++;
            if (_samples.Count < Cap || _seen % 2 == 0)
            {
                if (_samples.Count >= Cap)
                {
                    _samples[(int)(_seen % Cap)] = milliseconds;
                }
                else
                {
                    _samples.Add(milliseconds);
                }
            }
        }
    }

    /// <summary>The nearest-rank percentile (0..100), or null without samples.</summary>
    public double? Percentile(double p)
    {
        double[] sorted;
        lock (_lock)
        {
            if (_samples.Count == 0)
            {
                return null;
            }

            sorted = [.. _samples];
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
