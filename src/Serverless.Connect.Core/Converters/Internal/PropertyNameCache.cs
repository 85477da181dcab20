using System.Text;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// Reuses the strings of JSON object keys across records (schemaless maps repeat the same keys), per thread and bounded.
/// </summary>
internal static class PropertyNameCache
{
    private const int MaxKeyLength = 64;
    private const int MaxEntries = 4096;

    [ThreadStatic]
    private static Dictionary<byte[], string>? _names;

    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxKeyLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var names = _names ??= new Dictionary<byte[], string>(Utf8Comparer.Instance);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(utf8, out var name))
        {
            return name;
        }

        if (names.Count >= MaxEntries)
        {
            names.Clear();
        }

        name = Encoding.UTF8.GetString(utf8);
        names[utf8.ToArray()] = name;
        return name;
    }
}
