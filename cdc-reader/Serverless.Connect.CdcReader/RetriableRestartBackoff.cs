namespace Serverless.Connect.CdcReader;

/// <summary>
/// How a connector restarts after a retriable error: Debezium's <c>errors.max.retries</c> (-1 = no limit, 0 = never)
/// counts the restarts, and the wait before each one doubles from <see cref="InitialDelay"/> up to
/// <c>retriable.restart.connector.wait.ms</c> (Debezium always waits the full value; a short blip here costs half a second,
/// a long outage is still polled no more often than the configured wait).
/// </summary>
public sealed class RetriableRestartBackoff
{
    /// <summary>The wait before the first restart (or the configured wait, when that is shorter).</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Initializes a new instance of the <see cref="RetriableRestartBackoff"/> class.</summary>
    /// <param name="maxRetries"><c>errors.max.retries</c>: -1 = no limit, 0 = no retry, otherwise the number of restarts.</param>
    /// <param name="maxDelay"><c>retriable.restart.connector.wait.ms</c>, the cap of the backoff.</param>
    public RetriableRestartBackoff(int maxRetries, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRetries, -1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        MaxRetries = maxRetries;
        MaxDelay = maxDelay;
    }

    /// <summary>Gets the number of restarts allowed (-1 = no limit).</summary>
    public int MaxRetries { get; }

    /// <summary>Gets the longest wait between two restarts.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>Gets the restarts taken since the last <see cref="Reset"/>.</summary>
    public int Attempts { get; private set; }

    /// <summary>Gets the wait before restart number <paramref name="attempt"/> (1-based).</summary>
    /// <param name="attempt">The restart's number.</param>
    /// <returns><see cref="InitialDelay"/> × 2^(attempt−1), at most <see cref="MaxDelay"/>.</returns>
    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var initial = InitialDelay < MaxDelay ? InitialDelay : MaxDelay;

        // Past 2^30 the cap has long been reached; the shift would overflow.
        var factor = attempt > 31 ? long.MaxValue : 1L << (attempt - 1);
        return factor > MaxDelay.Ticks / Math.Max(1, initial.Ticks) ? MaxDelay : TimeSpan.FromTicks(initial.Ticks * factor);
    }

    /// <summary>Takes the next restart, if one is left.</summary>
    /// <param name="delay">The wait before it.</param>
    /// <returns><see langword="false"/> when <see cref="MaxRetries"/> restarts were taken already: the task fails.</returns>
    public bool TryNext(out TimeSpan delay)
    {
        if (MaxRetries >= 0 && Attempts >= MaxRetries)
        {
            delay = TimeSpan.Zero;
            return false;
        }

        Attempts++;
        delay = DelayFor(Attempts);
        return true;
    }

    /// <summary>Forgets earlier restarts, as Debezium does once a restarted task delivers change events again.</summary>
    public void Reset() => Attempts = 0;
}
