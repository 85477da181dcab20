namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Case closure of character sets as <c>java.util.regex</c> applies it to literals and ranges under
/// <c>CASE_INSENSITIVE</c>: ASCII-only by default, all of Unicode with <c>UNICODE_CASE</c>.
/// </summary>
internal static class CaseFolding
{
    // Java compares lower(upper(c)); .NET's invariant mappings are the closest BCL equivalent.
    private static readonly Lazy<char[]> s_foldKeys = new(() =>
    {
        var keys = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            keys[c] = char.ToLowerInvariant(char.ToUpperInvariant((char)c));
        }

        return keys;
    });

    public static CharSet Close(CharSet set, bool unicode) => unicode ? CloseUnicode(set) : CloseAscii(set);

    private static CharSet CloseAscii(CharSet set)
    {
        for (var lower = 'a'; lower <= 'z'; lower++)
        {
            var upper = (char)(lower - 32);
            if (set.Contains(lower) || set.Contains(upper))
            {
                set.Add(lower);
                set.Add(upper);
            }
        }

        return set;
    }

    private static CharSet CloseUnicode(CharSet set)
    {
        var keys = s_foldKeys.Value;
        var memberKeys = new CharSet();
        foreach (var (first, last) in set.Ranges().ToList())
        {
            for (int c = first; c <= last; c++)
            {
                memberKeys.Add(keys[c]);
            }
        }

        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (memberKeys.Contains(keys[c]) || set.Contains(char.ToUpperInvariant(ch)))
            {
                set.Add(ch);
            }
        }

        return set;
    }
}
