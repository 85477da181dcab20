namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// A small thread-safe LRU cache (Kafka's <c>SynchronizedCache(LRUCache)</c>); a capacity of 0 disables caching.
/// </summary>
internal class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();

    public LruCache(int capacity, IEqualityComparer<TKey> comparer)
    {
        _capacity = capacity;
        Map = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(comparer);
    }

    public int Count
    {
        get
        {
            lock (Sync)
            {
                return Map.Count;
            }
        }
    }

    protected Lock Sync { get; } = new();

    protected Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> Map { get; }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (Sync)
        {
            if (Map.TryGetValue(key, out var node))
            {
                Touch(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Add(TKey key, TValue value)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (Sync)
        {
            if (Map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
            }

            var node = _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            Map[key] = node;
            if (Map.Count > _capacity)
            {
                var eldest = _order.Last!;
                _order.RemoveLast();
                Map.Remove(eldest.Value.Key);
            }
        }
    }

    protected void Touch(LinkedListNode<KeyValuePair<TKey, TValue>> node)
    {
        if (!ReferenceEquals(_order.First, node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
        }
    }
}
