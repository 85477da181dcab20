using Serverless.Connect.Data;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// Serialized schema JSON keyed by schema (structural equality, like Kafka), with a lock-free fast path for the schema
/// instance used most recently — the common case of a stream of records sharing one schema object.
/// </summary>
internal sealed class JsonBySchemaCache(int capacity) : LruCache<Schema, byte[]>(capacity, EqualityComparer<Schema>.Default)
{
    private readonly bool _enabled = capacity > 0;
    private volatile Tuple<Schema, byte[]>? _last;

    public bool TryGetFast(Schema schema, out byte[] json)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Item1, schema))
        {
            json = last.Item2;
            return true;
        }

        if (TryGet(schema, out json))
        {
            Remember(schema, json);
            return true;
        }

        return false;
    }

    public void Remember(Schema schema, byte[] json)
    {
        if (_enabled)
        {
            _last = Tuple.Create(schema, json);
        }
    }
}
