namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// A per-second rate over the last 30 seconds of samples, like Connect's windowed <c>*-rate</c> metrics
/// (<c>metrics.sample.window.ms</c> = 30000).
/// </summary>
internal sealed class RateWindow
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(30);
    private readonly Queue<(DateTimeOffset At, long Count)> _samples = new();

    public double Sample(DateTimeOffset now, long count)
    {
        while (_samples.Count > 1 && now - _samples.Peek().At > s_window)
        {
            _samples.Dequeue();
        }

        _samples.Enqueue((now, count));
        var (at, first) = _samples.Peek();
        var seconds = (now - at).TotalSeconds;
        return seconds <= 0 ? 0 : (count - first) / seconds;
    }
}
