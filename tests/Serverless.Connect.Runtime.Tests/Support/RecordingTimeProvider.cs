using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Serverless.Connect.Runtime.Tests.Support;

/// <summary>A fake clock that tells the test each time a delay starts, so the test can advance exactly past it.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public RecordingTimeProvider()
        : base(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Advances past every delay the operation starts until it completes; returns the delays in milliseconds.</summary>
    public async Task<List<long>> DriveAsync(Task operation)
    {
        var delays = new List<long>();
        while (true)
        {
            var next = _started.Reader.ReadAsync().AsTask();
            var first = await Task.WhenAny(operation, next);
            if (first == operation && !next.IsCompleted)
            {
                await operation;
                return delays;
            }

            var due = await next;
            delays.Add((long)due.TotalMilliseconds);
            Advance(due);
        }
    }
}
