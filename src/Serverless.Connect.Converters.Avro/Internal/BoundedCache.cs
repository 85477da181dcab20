using System.Collections.Concurrent;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// A thread-safe cache with a size bound: when full it is cleared, which is cheap and rare for the small, stable set of
/// schemas a connector uses (an LRU would cost on every hit).
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _capacity = Math.Max(1, capacity);
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        if (_entries.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var created = factory(key);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, created);
    }

    public void Remove(TKey key) => _entries.TryRemove(key, out _);
}
