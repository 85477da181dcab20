namespace Serverless.Connect.Transforms.Internal;

/// <summary>
/// A small thread-safe least-recently-used cache, like Kafka's <c>SynchronizedCache(new LRUCache(n))</c>. Keys use their
/// own equality (structural for <see cref="Data.Schema"/>), as Kafka's <c>LinkedHashMap</c> does.
/// </summary>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _entries;

    // Most recently used first.
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();

    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(capacity + 1);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Put(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
            }

            var node = _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            _entries[key] = node;
            if (_entries.Count > _capacity)
            {
                var eldest = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(eldest.Value.Key);
            }
        }
    }

    /// <summary>Returns the cached value or computes and caches it. The factory runs outside the lock and may run twice.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = factory(key);
        Put(key, value);
        return value;
    }
}
