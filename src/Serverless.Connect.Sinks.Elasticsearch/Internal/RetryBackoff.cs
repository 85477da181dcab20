namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Confluent's <c>RetryUtil</c> backoff: a uniformly random wait between 0 and <c>base &lt;&lt; attempt</c> (full jitter), capped at 24 h.</summary>
internal static class RetryBackoff
{
    private static readonly long MaxMs = (long)TimeSpan.FromHours(24).TotalMilliseconds;

    /// <summary>The wait before retry number <paramref name="retryAttempt"/> (0 = the first retry).</summary>
    public static TimeSpan Compute(int retryAttempt, TimeSpan initial, Random random)
    {
        var baseMs = (long)initial.TotalMilliseconds;
        if (baseMs <= 0)
        {
            return TimeSpan.Zero;
        }

        var cap = (long)Math.Min(baseMs * Math.Pow(2, Math.Max(retryAttempt, 0)), MaxMs);
        return TimeSpan.FromMilliseconds(random.NextInt64(0, cap + 1));
    }
}
