namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

/// <summary>A clock that moves forward by a fixed step every time it is read, to reach deadlines without waiting.</summary>
internal sealed class JumpingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
