using System.Collections;

namespace Serverless.Connect.Data;

/// <summary>
/// Deep structural equality for Connect values: byte arrays by content, arrays element-wise, maps entry-wise
/// (order-insensitive), structs by schema and values, everything else by <see cref="object.Equals(object?)"/>.
/// </summary>
/// <remarks>Kafka compares byte arrays inside structs by reference; comparing by content here is deliberate.</remarks>
public sealed class ConnectValueComparer : IEqualityComparer<object?>
{
    private ConnectValueComparer()
    {
    }

    /// <summary>Gets the shared instance.</summary>
    public static ConnectValueComparer Instance { get; } = new();

    /// <inheritdoc/>
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        switch (x)
        {
            case byte[] xb:
                return y is byte[] yb && xb.AsSpan().SequenceEqual(yb);
            case string or Struct:
                return x.Equals(y);
        }

        if (IsList(x))
        {
            return IsList(y) && ListEquals(x, y);
        }

        if (IsMap(x))
        {
            return IsMap(y) && MapEquals(x, y);
        }

        return x.Equals(y);
    }

    /// <inheritdoc/>
    public int GetHashCode(object? obj)
    {
        switch (obj)
        {
            case null:
                return 0;
            case byte[] bytes:
                var hash = new HashCode();
                hash.AddBytes(bytes);
                return hash.ToHashCode();
            case string or Struct:
                return obj.GetHashCode();
        }

        if (IsList(obj))
        {
            var hash = new HashCode();
            foreach (var element in Enumerate(obj))
            {
                hash.Add(GetHashCode(element));
            }

            return hash.ToHashCode();
        }

        if (IsMap(obj))
        {
            var sum = 0;
            foreach (var (key, value) in EnumerateMap(obj))
            {
                sum += HashCode.Combine(GetHashCode(key), GetHashCode(value));
            }

            return sum;
        }

        return obj.GetHashCode();
    }

    internal static bool IsList(object value) => value is IReadOnlyList<object?> or IList;

    internal static bool IsMap(object value) => value is IReadOnlyDictionary<object, object?> or IDictionary;

    internal static IEnumerable<object?> Enumerate(object list) =>
        list as IReadOnlyList<object?> ?? ((IList)list).Cast<object?>();

    internal static IEnumerable<KeyValuePair<object, object?>> EnumerateMap(object map)
    {
        if (map is IReadOnlyDictionary<object, object?> typed)
        {
            return typed;
        }

        return EnumerateDictionary((IDictionary)map);
    }

    // IDictionary's IEnumerable yields KeyValuePair<K,V> for Dictionary<K,V>, not DictionaryEntry; its
    // IDictionaryEnumerator is the one view that works for every implementation.
    private static IEnumerable<KeyValuePair<object, object?>> EnumerateDictionary(IDictionary map)
    {
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return new KeyValuePair<object, object?>(enumerator.Key, enumerator.Value);
        }
    }

    private bool ListEquals(object x, object y)
    {
        using var left = Enumerate(x).GetEnumerator();
        using var right = Enumerate(y).GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            if (hasLeft != right.MoveNext())
            {
                return false;
            }

            if (!hasLeft)
            {
                return true;
            }

            if (!Equals(left.Current, right.Current))
            {
                return false;
            }
        }
    }

    private bool MapEquals(object x, object y)
    {
        var left = EnumerateMap(x).ToList();
        var right = EnumerateMap(y).ToList();
        if (left.Count != right.Count)
        {
            return false;
        }

        // Maps are small in practice; a quadratic match keeps byte[]/struct keys comparable by content.
        var matched = new bool[right.Count];
        foreach (var (key, value) in left)
        {
            var found = false;
            for (var i = 0; i < right.Count; i++)
            {
                if (!matched[i] && Equals(key, right[i].Key) && Equals(value, right[i].Value))
                {
                    matched[i] = true;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
