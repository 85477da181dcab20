using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>
/// The per-transform cache from an input schema to its derived schema: Kafka's LRU of 16 entries, thread-safe, with a
/// lock-free hit when the same schema instance comes again (the common case: converters reuse schema instances).
/// </summary>
internal sealed class SchemaUpdateCache
{
    public const int DefaultCapacity = 16;

    private readonly LruCache<Schema, Schema> _cache;
    private volatile Entry? _last;

    public SchemaUpdateCache(int capacity = DefaultCapacity)
    {
        _cache = new LruCache<Schema, Schema>(capacity);
    }

    public int Count => _cache.Count;

    public Schema? Get(Schema schema)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Input, schema))
        {
            return last.Output;
        }

        if (_cache.TryGet(schema, out var updated))
        {
            _last = new Entry(schema, updated);
            return updated;
        }

        return null;
    }

    public void Put(Schema schema, Schema updated)
    {
        _cache.Put(schema, updated);
        _last = new Entry(schema, updated);
    }

    /// <summary>Returns the derived schema, building and caching it on a miss (a failing build caches nothing).</summary>
    public Schema GetOrAdd(Schema schema, Func<Schema, Schema> build)
    {
        var updated = Get(schema);
        if (updated is null)
        {
            updated = build(schema);
            Put(schema, updated);
        }

        return updated;
    }

    private sealed record Entry(Schema Input, Schema Output);
}
