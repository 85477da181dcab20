using System.Collections;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Schemaless MAP and ARRAY values: recognising the accepted .NET shapes and reading them uniformly.</summary>
internal static class MapValues
{
    public static bool IsMap(object? value) => value is IReadOnlyDictionary<object, object?> or IDictionary;

    public static bool IsList(object? value) => value is IReadOnlyList<object?> or IList && value is not byte[];

    /// <summary>The value as a read-only map (non-generic dictionaries are copied), or null when it is not a map.</summary>
    public static IReadOnlyDictionary<object, object?>? AsMap(object? value) => value switch
    {
        IReadOnlyDictionary<object, object?> map => map,
        IDictionary dictionary => ConnectMap.Create(Entries(dictionary)),
        _ => null,
    };

    // IDictionary's own enumerator: enumerating a generic Dictionary as IEnumerable yields KeyValuePairs, not DictionaryEntry.
    public static IEnumerable<KeyValuePair<object, object?>> Entries(IDictionary dictionary)
    {
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return new KeyValuePair<object, object?>(enumerator.Key, enumerator.Value);
        }
    }

    /// <summary>Java's <c>map.get(key)</c>: the value, or null when absent.</summary>
    public static object? Get(IReadOnlyDictionary<object, object?> map, object key) =>
        map.TryGetValue(key, out var value) ? value : null;

    /// <summary>Copies a map into an insertion-ordered builder (Java's <c>new HashMap&lt;&gt;(value)</c>).</summary>
    public static OrderedDictionary<object, object?> ToBuilder(IReadOnlyDictionary<object, object?> map)
    {
        var builder = new OrderedDictionary<object, object?>(map.Count);
        foreach (var (key, entry) in map)
        {
            builder[key] = entry;
        }

        return builder;
    }

    /// <summary>Freezes a builder into an immutable map.</summary>
    public static ConnectMap ToMap(OrderedDictionary<object, object?> builder) => ConnectMap.Create(builder);
}
