using System.Collections;

namespace Serverless.Connect.Data;

/// <summary>
/// An immutable, ordered list of record headers; keys may repeat. Every modifying method returns a new instance (or this
/// instance when nothing changes), so headers reachable from a record are never mutated — as the Connect SMT contract requires.
/// </summary>
public sealed partial class ConnectHeaders : IReadOnlyList<ConnectHeader>, IEquatable<ConnectHeaders>
{
    private readonly ConnectHeader[] _headers;

    private ConnectHeaders(ConnectHeader[] headers)
    {
        _headers = headers;
    }

    /// <summary>Gets the empty header list.</summary>
    public static ConnectHeaders Empty { get; } = new([]);

    /// <summary>Gets the number of headers.</summary>
    public int Count => _headers.Length;

    /// <summary>Gets the header at a position.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The header.</returns>
    public ConnectHeader this[int index] => _headers[index];

    /// <summary>Creates a header list from headers, keeping their order.</summary>
    /// <param name="headers">The headers.</param>
    /// <returns>The list.</returns>
    public static ConnectHeaders Create(IEnumerable<ConnectHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var array = headers.ToArray();
        foreach (var header in array)
        {
            ArgumentNullException.ThrowIfNull(header, nameof(headers));
        }

        return array.Length == 0 ? Empty : new ConnectHeaders(array);
    }

    /// <summary>Returns a list with a header appended.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders Add(ConnectHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var copy = new ConnectHeader[_headers.Length + 1];
        _headers.CopyTo(copy, 0);
        copy[^1] = header;
        return new ConnectHeaders(copy);
    }

    /// <summary>Returns a list with a header appended; the value is validated against the schema when one is given.</summary>
    /// <param name="key">The key.</param>
    /// <param name="schema">The schema, or <see langword="null"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders Add(string key, Schema? schema, object? value) => Add(new ConnectHeader(key, schema, value));

    /// <summary>Returns a list with a header appended.</summary>
    /// <param name="key">The key.</param>
    /// <param name="schemaAndValue">The schema and value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders Add(string key, SchemaAndValue schemaAndValue)
    {
        ArgumentNullException.ThrowIfNull(schemaAndValue);
        return Add(new ConnectHeader(key, schemaAndValue.Schema, schemaAndValue.Value));
    }

    /// <summary>Appends a STRING header (optional schema when the value is null, as Kafka's <c>addString</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders AddString(string key, string? value) =>
        Add(key, value is null ? Schema.OptionalStringSchema : Schema.StringSchema, value);

    /// <summary>Appends a BOOLEAN header.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders AddBoolean(string key, bool value) => Add(key, Schema.BooleanSchema, value);

    /// <summary>Appends an INT32 header.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders AddInt32(string key, int value) => Add(key, Schema.Int32Schema, value);

    /// <summary>Appends an INT64 header.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders AddInt64(string key, long value) => Add(key, Schema.Int64Schema, value);

    /// <summary>Appends a BYTES header (optional schema when the value is null).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders AddBytes(string key, byte[]? value) =>
        Add(key, value is null ? Schema.OptionalBytesSchema : Schema.BytesSchema, value);

    /// <summary>Returns whether a header with the key exists.</summary>
    /// <param name="key">The key (case-sensitive).</param>
    /// <returns><see langword="true"/> if present.</returns>
    public bool ContainsKey(string key) => LastWithName(key) is not null;

    /// <summary>Gets the last header with the key.</summary>
    /// <param name="key">The key (case-sensitive).</param>
    /// <returns>The header, or <see langword="null"/>.</returns>
    public ConnectHeader? LastWithName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = _headers.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_headers[i].Key, key, StringComparison.Ordinal))
            {
                return _headers[i];
            }
        }

        return null;
    }

    /// <summary>Gets all headers with the key, in order.</summary>
    /// <param name="key">The key (case-sensitive).</param>
    /// <returns>The headers.</returns>
    public IReadOnlyList<ConnectHeader> AllWithName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.FindAll(_headers, h => string.Equals(h.Key, key, StringComparison.Ordinal));
    }

    /// <summary>Returns a list without any header with the key (Kafka's <c>remove(key)</c>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Retain(h => !string.Equals(h.Key, key, StringComparison.Ordinal));
    }

    /// <summary>Returns a list without any header whose key is in <paramref name="keys"/> (as the DropHeaders SMT does).</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders RemoveAll(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = keys as IReadOnlySet<string> ?? new HashSet<string>(keys, StringComparer.Ordinal);
        return Retain(h => !set.Contains(h.Key));
    }

    /// <summary>Returns a list without the headers matching a predicate.</summary>
    /// <param name="predicate">Selects headers to remove.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders RemoveAll(Func<ConnectHeader, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Retain(h => !predicate(h));
    }

    /// <summary>Returns a list with only the headers matching a predicate.</summary>
    /// <param name="predicate">Selects headers to keep.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders Retain(Func<ConnectHeader, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var kept = Array.FindAll(_headers, h => predicate(h));
        if (kept.Length == _headers.Length)
        {
            return this;
        }

        return kept.Length == 0 ? Empty : new ConnectHeaders(kept);
    }

    /// <summary>Returns a list keeping only the last header with the key (other keys untouched).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new list.</returns>
    public ConnectHeaders RetainLatest(string key)
    {
        var last = LastWithName(key);
        return last is null ? this : Retain(h => !string.Equals(h.Key, key, StringComparison.Ordinal) || ReferenceEquals(h, last));
    }

    /// <summary>Returns a list keeping only the last header of every key, in the order of those last occurrences.</summary>
    /// <returns>The new list.</returns>
    public ConnectHeaders RetainLatest()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<ConnectHeader>(_headers.Length);
        for (var i = _headers.Length - 1; i >= 0; i--)
        {
            if (seen.Add(_headers[i].Key))
            {
                kept.Add(_headers[i]);
            }
        }

        if (kept.Count == _headers.Length)
        {
            return this;
        }

        kept.Reverse();
        return new ConnectHeaders([.. kept]);
    }

    /// <summary>Returns an allocation-free enumerator.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_headers);

    IEnumerator<ConnectHeader> IEnumerable<ConnectHeader>.GetEnumerator() => ((IEnumerable<ConnectHeader>)_headers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _headers.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ConnectHeaders? other) =>
        other is not null && (ReferenceEquals(this, other) || _headers.AsSpan().SequenceEqual(other._headers));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConnectHeaders);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var header in _headers)
        {
            hash.Add(header);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats like Kafka: <c>ConnectHeaders(headers=…)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"ConnectHeaders(headers={string.Join(", ", _headers.Select(h => h.ToString()))})";
}
