using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Serverless.Connect.Data;

/// <summary>
/// An immutable, insertion-ordered MAP value; the JSON converter produces these for JSON objects and MAP payloads.
/// Any <see cref="IReadOnlyDictionary{TKey, TValue}"/> of object to object is an equally valid MAP value.
/// </summary>
/// <remarks>
/// Small maps (the common case: a row, a Debezium <c>source</c> block) are two exact-size arrays searched linearly; a hash
/// index is built on first lookup only for larger maps. Keys compare with <see cref="object.Equals(object?)"/>.
/// </remarks>
public sealed partial class ConnectMap : IReadOnlyDictionary<object, object?>
{
    private const int LinearSearchLimit = 8;

    private readonly object[] _keys;
    private readonly object?[] _values;
    private Dictionary<object, int>? _index;

    internal ConnectMap(object[] keys, object?[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>Gets the empty map.</summary>
    public static ConnectMap Empty { get; } = new([], []);

    /// <summary>Gets the number of entries.</summary>
    public int Count => _keys.Length;

    /// <summary>Gets the keys in insertion order.</summary>
    public IEnumerable<object> Keys => new ReadOnlyCollection<object>(_keys);

    /// <summary>Gets the values in insertion order.</summary>
    public IEnumerable<object?> Values => new ReadOnlyCollection<object?>(_values);

    /// <summary>Gets the value for a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The key is not present.</exception>
    public object? this[object key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Key '{key}' not found.");

    /// <summary>Creates a map from entries in order; when a key repeats, the last value wins at the first position.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The map.</returns>
    public static ConnectMap Create(IEnumerable<KeyValuePair<object, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var keys = new List<object>();
        var values = new List<object?>();
        var positions = new Dictionary<object, int>();
        foreach (var (key, value) in entries)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(entries));
            if (positions.TryGetValue(key, out var position))
            {
                values[position] = value;
            }
            else
            {
                positions[key] = keys.Count;
                keys.Add(key);
                values.Add(value);
            }
        }

        return keys.Count == 0 ? Empty : new ConnectMap([.. keys], [.. values]);
    }

    /// <summary>Returns whether the key is present.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> if present.</returns>
    public bool ContainsKey(object key) => IndexOf(key) >= 0;

    /// <summary>Gets the value for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns><see langword="true"/> if present.</returns>
    public bool TryGetValue(object key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = _values[index];
        return true;
    }

    /// <summary>Returns a map with a key set: replaced in place when present, appended otherwise.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new map.</returns>
    public ConnectMap With(object key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        if (index >= 0)
        {
            var values = (object?[])_values.Clone();
            values[index] = value;
            return new ConnectMap(_keys, values);
        }

        var newKeys = new object[_keys.Length + 1];
        var newValues = new object?[_keys.Length + 1];
        _keys.CopyTo(newKeys, 0);
        _values.CopyTo(newValues, 0);
        newKeys[^1] = key;
        newValues[^1] = value;
        return new ConnectMap(newKeys, newValues);
    }

    /// <summary>Returns a map without a key (this map when the key is absent).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new map.</returns>
    public ConnectMap Without(object key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return this;
        }

        var keys = new object[_keys.Length - 1];
        var values = new object?[_keys.Length - 1];
        Array.Copy(_keys, 0, keys, 0, index);
        Array.Copy(_keys, index + 1, keys, index, keys.Length - index);
        Array.Copy(_values, 0, values, 0, index);
        Array.Copy(_values, index + 1, values, index, values.Length - index);
        return new ConnectMap(keys, values);
    }

    /// <summary>Returns an allocation-free enumerator over the entries in order.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<object, object?>> IEnumerable<KeyValuePair<object, object?>>.GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<object, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<KeyValuePair<object, object?>>)this).GetEnumerator();

    /// <summary>Formats like Java's <c>Map.toString()</c>: <c>{k=v, k2=v2}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Internal.ValueText.ToText(this);

    internal object KeyAt(int index) => _keys[index];

    internal object? ValueAt(int index) => _values[index];

    private int IndexOf(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_keys.Length <= LinearSearchLimit)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (ReferenceEquals(_keys[i], key) || _keys[i].Equals(key))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index;
        if (index is null)
        {
            index = new Dictionary<object, int>(_keys.Length);
            for (var i = 0; i < _keys.Length; i++)
            {
                index[_keys[i]] = i;
            }

            // Racing threads build identical indexes; either may win.
            _index = index;
        }

        return index.TryGetValue(key, out var position) ? position : -1;
    }
}
