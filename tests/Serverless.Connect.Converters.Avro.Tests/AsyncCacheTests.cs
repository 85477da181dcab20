using Serverless.Connect.Converters.Avro.Internal;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>The registry-call cache: a failure is never handed to the retry that follows it.</summary>
public sealed class AsyncCacheTests
{
    [Fact]
    public async Task A_failed_call_is_evicted_before_a_caller_can_see_the_failure()
    {
        var cache = new AsyncCache<int, int>(16);
        var failing = new TaskCompletionSource<int>();
        using var failed = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        var first = cache.GetAsync(1, key =>
        {
            // Runs first, on the completing thread, and holds it: whatever the cache does only after the completion
            // (rather than before it) has not happened yet while this waits.
            _ = failing.Task.ContinueWith(
                _ => { failed.Set(); release.Wait(TimeSpan.FromSeconds(10)); },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return failing.Task;
        });
        var completer = Task.Run(() => failing.SetException(new InvalidOperationException("injected")));
        Assert.True(failed.Wait(TimeSpan.FromSeconds(10)));
        if (!SpinWait.SpinUntil(() => first.IsCompleted, TimeSpan.FromMilliseconds(200)))
        {
            release.Set();
        }

        // A caller that sees the failure retries at once (the synchronous converter path after a 503): it must get a new call.
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        var retry = cache.GetAsync(1, key => Task.FromResult(key * 10));
        release.Set();
        await completer;

        Assert.Equal(10, await retry);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_call_and_a_success_stays_cached()
    {
        var cache = new AsyncCache<string, int>(16);
        var calls = 0;
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = cache.GetAsync("k", _ => { Interlocked.Increment(ref calls); return gate.Task; });
        var second = cache.GetAsync("k", _ => { Interlocked.Increment(ref calls); return gate.Task; });
        gate.SetResult(7);

        var values = await Task.WhenAll(first, second);
        Assert.Equal([7, 7], values);
        Assert.Equal(7, cache.Get("k", _ => Task.FromResult(-1)));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_factory_that_throws_synchronously_is_evicted_too()
    {
        var cache = new AsyncCache<string, int>(16);

        Assert.Throws<FormatException>(() => cache.Get("k", _ => throw new FormatException("bad")));

        Assert.Equal(3, cache.Get("k", _ => Task.FromResult(3)));
    }
}
