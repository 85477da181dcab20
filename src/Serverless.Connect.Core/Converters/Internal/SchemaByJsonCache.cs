using Serverless.Connect.Data;

namespace Serverless.Connect.Converters.Internal;

/// <summary>Parsed schemas keyed by the raw bytes of their JSON, looked up without allocating a key.</summary>
internal sealed class SchemaByJsonCache(int capacity) : LruCache<byte[], Schema?>(capacity, Utf8Comparer.Instance)
{
    public bool TryGet(ReadOnlySpan<byte> json, out Schema? schema)
    {
        lock (Sync)
        {
            var lookup = Map.GetAlternateLookup<ReadOnlySpan<byte>>();
            if (lookup.TryGetValue(json, out var node))
            {
                Touch(node);
                schema = node.Value.Value;
                return true;
            }
        }

        schema = null;
        return false;
    }
}
