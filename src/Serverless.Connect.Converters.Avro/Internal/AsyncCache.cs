using System.Collections.Concurrent;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Caches the results of asynchronous registry calls. Concurrent callers for the same key share one call; a failed call is
/// evicted so that the next caller retries. Calls start without the caller's synchronization context, so that a caller blocking on one (the
/// synchronous <c>IConverter</c> path) never holds a context the call needs.
/// </summary>
internal sealed class AsyncCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _entries = new();
    private readonly int _capacity;

    public AsyncCache(int capacity)
    {
        _capacity = Math.Max(1, capacity);
    }

    /// <summary>Returns a completed value without blocking, if there is one.</summary>
    public bool TryGetCompleted(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        {
            value = entry.Value.Result;
            return true;
        }

        value = default!;
        return false;
    }

    public Task<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> factory)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (_entries.Count >= _capacity)
            {
                _entries.Clear();
            }

            Lazy<Task<TValue>>? created = null;
            created = new Lazy<Task<TValue>>(() => EvictOnFailureAsync(key, created!, Start(factory, key)), LazyThreadSafetyMode.ExecutionAndPublication);
            entry = _entries.GetOrAdd(key, created);
        }

        return entry.Value;
    }

    // The eviction runs before the returned task completes: a caller that sees the failure and calls again at once (a
    // retry) must start a new call, not be handed the failed one, which a continuation evicting afterwards would allow.
    private async Task<TValue> EvictOnFailureAsync(TKey key, Lazy<Task<TValue>> entry, Task<TValue> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, entry));
            throw;
        }
    }

    // Starts the call on the calling thread with no synchronization context, so that continuations inside the registry
    // client (which does not always use ConfigureAwait(false)) never need the caller's context, and a blocked caller
    // costs no extra thread-pool hop. A caller running on a custom TaskScheduler gets a hop to the default scheduler.
    private static Task<TValue> Start(Func<TKey, Task<TValue>> factory, TKey key)
    {
        if (TaskScheduler.Current != TaskScheduler.Default)
        {
            return Task.Run(() => factory(key));
        }

        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return factory(key);
        }
        catch (Exception e)
        {
            return Task.FromException<TValue>(e);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }

    /// <summary>Waits for a value on the calling thread (used by the synchronous converter API).</summary>
    public TValue Get(TKey key, Func<TKey, Task<TValue>> factory) =>
        TryGetCompleted(key, out var value) ? value : GetAsync(key, factory).GetAwaiter().GetResult();
}
