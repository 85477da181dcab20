namespace Serverless.Connect.Hosting.Kafka.Metrics;

/// <summary>
/// A per-second rate of a cumulative counter over a sliding window, like Connect's <c>-rate</c> metrics (a windowed
/// sample of <c>metrics.sample.window.ms</c>). It samples the counter when read, so the hot path only increments the
/// counter; the rate is the counter's growth since the newest sample that is at least one window old (or since the
/// first sample while the window has not passed yet), divided by the time between them.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class SlidingRate
{
    private readonly Queue<(long Timestamp, long Count)> _samples = new();
    private readonly TimeProvider _time;
    private readonly long _window;
    private readonly Lock _lock = new();

    public SlidingRate(TimeProvider time, TimeSpan window, long initialCount = 0)
    {
        _time = time;
        _window = (long)(window.TotalSeconds * time.TimestampFrequency);
        _samples.Enqueue((time.GetTimestamp(), initialCount));
    }

    /// <summary>Samples the counter and returns its rate per second over the window.</summary>
    /// <param name="count">The counter's current (cumulative) value.</param>
    /// <returns>Events per second; 0 until time has passed since the first sample.</returns>
    public double Rate(long count)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _samples.Enqueue((now, count));
            // Keep exactly one sample at or before the window's start as the baseline.
            while (_samples.Count > 2 && ElementAt(1).Timestamp <= now - _window)
            {
                _samples.Dequeue();
            }

            var (since, baseline) = _samples.Peek();
            var seconds = (double)(now - since) / _time.TimestampFrequency;
            return seconds <= 0 ? 0 : Math.Max(0, count - baseline) / seconds;
        }
    }

    private (long Timestamp, long Count) ElementAt(int index)
    {
        var i = 0;
        foreach (var sample in _samples)
        {
            if (i++ == index)
            {
                return sample;
            }
        }

        throw new InvalidOperationException("no such sample");
    }
}
