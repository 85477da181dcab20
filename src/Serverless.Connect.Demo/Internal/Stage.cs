namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// One stage of the pipeline as the display and the summary show it: records moved, their rate over the last
/// seconds, lag, dead letters and commit → stage latency. Updated by the monitor loop, read by the display.
/// </summary>
internal sealed class Stage
{
    private readonly Queue<(long Timestamp, long Records)> _window = new();
    private readonly TimeProvider _time;

    public Stage(string name, string what, string lagUnit, string latencyLabel, TimeProvider time)
    {
        Name = name;
        What = what;
        LagUnit = lagUnit;
        LatencyLabel = latencyLabel;
        _time = time;
    }

    public string Name { get; }

    public string What { get; }

    public string LagUnit { get; }

    public string LatencyLabel { get; }

    public LatencySamples Latency { get; } = new();

    public StageState State { get; set; } = StageState.Starting;

    public string? Note { get; set; }

    public long Records { get; private set; }

    public long? Lag { get; set; }

    public long? DeadLetters { get; set; }

    public double RecordsPerSecond { get; private set; }

    public bool Counts => State is not StageState.Skipped;

    public void Update(long records)
    {
        Records = records;
        var now = _time.GetTimestamp();
        _window.Enqueue((now, records));
        while (_window.Count > 2 && _time.GetElapsedTime(_window.Peek().Timestamp, now) > TimeSpan.FromSeconds(5))
        {
            _window.Dequeue();
        }

        var (firstAt, firstRecords) = _window.Peek();
        var seconds = _time.GetElapsedTime(firstAt, now).TotalSeconds;
        RecordsPerSecond = seconds > 0.2 ? (records - firstRecords) / seconds : 0;
    }
}
