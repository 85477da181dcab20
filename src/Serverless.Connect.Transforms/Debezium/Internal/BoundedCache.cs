using System.Collections.Concurrent;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>
/// A thread-safe cache holding at most a fixed number of entries, for derived schemas (Debezium uses a bounded map for
/// the same purpose). When full it is cleared: derived schemas are cheap to rebuild and schema churn is rare.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private readonly int _capacity;

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = factory(key);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, created);
    }
}
