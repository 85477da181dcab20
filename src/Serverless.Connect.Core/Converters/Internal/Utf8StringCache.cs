using System.Text;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// Reuses decoded strings across records, per thread and bounded: JSON object keys repeat in every record, and so do
/// short values such as Debezium's <c>source</c> block (<c>"postgresql"</c>, <c>"public"</c>, <c>"false"</c>).
/// </summary>
internal sealed class Utf8StringCache
{
    private const int MaxEntries = 4096;

    // Strict, like Utf8JsonReader.GetString: invalid UTF-8 is an error, not U+FFFD.
    private static readonly UTF8Encoding _strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static Utf8StringCache? _names;

    [ThreadStatic]
    private static Utf8StringCache? _values;

    private readonly Dictionary<byte[], string> _strings = new(Utf8Comparer.Instance);
    private readonly int _maxLength;

    private Utf8StringCache(int maxLength)
    {
        _maxLength = maxLength;
    }

    public static Utf8StringCache Names => _names ??= new Utf8StringCache(64);

    public static Utf8StringCache Values => _values ??= new Utf8StringCache(16);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _maxLength)
        {
            return _strict.GetString(utf8);
        }

        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(utf8, out var text))
        {
            return text;
        }

        if (_strings.Count >= MaxEntries)
        {
            _strings.Clear();
        }

        text = _strict.GetString(utf8);
        _strings[utf8.ToArray()] = text;
        return text;
    }
}
