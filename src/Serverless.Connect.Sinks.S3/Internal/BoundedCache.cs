namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>A small cache that forgets everything when full: schemas that keep changing cannot grow memory without bound.</summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries = new(comparer);
    private readonly Lock _lock = new();

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

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var value))
            {
                return value;
            }

            if (_entries.Count >= Math.Max(1, capacity))
            {
                _entries.Clear();
            }

            value = create(key);
            _entries[key] = value;
            return value;
        }
    }
}
