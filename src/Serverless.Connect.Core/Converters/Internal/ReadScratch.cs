using Serverless.Connect.Data;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// Per-thread stack on which the JSON reader collects array elements and map entries of unknown count, so the results
/// can be allocated at their exact size. Nested containers push above their parent and pop before the parent continues.
/// </summary>
internal sealed class ReadScratch
{
    private const int MaxRetained = 64 * 1024;

    [ThreadStatic]
    private static ReadScratch? _current;

    private object?[] _items = new object?[256];

    public int Count { get; private set; }

    public static ReadScratch Current => _current ??= new ReadScratch();

    /// <summary>Drops items above <paramref name="count"/>, e.g. after a conversion failed midway.</summary>
    public void Truncate(int count)
    {
        if (Count > count)
        {
            Release(count);
        }
    }

    public void Push(object? item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public object?[] PopArray(int start)
    {
        var length = Count - start;
        var result = length == 0 ? [] : new object?[length];
        Array.Copy(_items, start, result, 0, length);
        Release(start);
        return result;
    }

    /// <summary>Pops alternating key/value items into a map; a repeated key keeps its first position and last value.</summary>
    public ConnectMap PopMap(int start)
    {
        var count = (Count - start) / 2;
        if (count == 0)
        {
            Release(start);
            return ConnectMap.Empty;
        }

        var keys = new object[count];
        var values = new object?[count];
        Span<long> signatures = count <= 128 ? stackalloc long[count] : new long[count];
        var unique = 0;
        for (var i = 0; i < count; i++)
        {
            var key = _items[start + (2 * i)]!;
            var value = _items[start + (2 * i) + 1];
            var signature = Signature(key);
            var existing = IndexOf(keys, signatures[..unique], key, signature);
            if (existing >= 0)
            {
                values[existing] = value;
                continue;
            }

            keys[unique] = key;
            values[unique] = value;
            signatures[unique] = signature;
            unique++;
        }

        Release(start);
        if (unique < count)
        {
            Array.Resize(ref keys, unique);
            Array.Resize(ref values, unique);
        }

        return new ConnectMap(keys, values);
    }

    // Keys are almost always distinct strings: a (length, first, last char) signature rules out most candidates with a
    // vectorized search before any string comparison. Non-string keys share one signature and are compared with Equals.
    private static long Signature(object key) =>
        key is string { Length: > 0 } text ? ((long)text.Length << 32) | ((long)text[0] << 16) | text[^1] : -1;

    private static int IndexOf(object[] keys, ReadOnlySpan<long> signatures, object key, long signature)
    {
        var offset = 0;
        while (offset < signatures.Length)
        {
            var found = signatures[offset..].IndexOf(signature);
            if (found < 0)
            {
                return -1;
            }

            var candidate = offset + found;
            if (keys[candidate].Equals(key))
            {
                return candidate;
            }

            offset = candidate + 1;
        }

        return -1;
    }

    private void Release(int start)
    {
        Array.Clear(_items, start, Count - start);
        Count = start;
        if (start == 0 && _items.Length > MaxRetained)
        {
            _items = new object?[256];
        }
    }
}
