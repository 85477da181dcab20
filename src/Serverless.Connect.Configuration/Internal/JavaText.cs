namespace Serverless.Connect.Configuration.Internal;

/// <summary>Small Java string semantics that .NET does not share.</summary>
internal static class JavaText
{
    /// <summary>Java <c>String.trim()</c>: removes every leading and trailing char up to and including U+0020.</summary>
    public static string Trim(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && value[start] <= ' ')
        {
            start++;
        }

        while (end > start && value[end - 1] <= ' ')
        {
            end--;
        }

        return start == 0 && end == value.Length ? value : value[start..end];
    }

    /// <summary>Java's regex <c>\s</c>: space, tab, newline, vertical tab, form feed, carriage return.</summary>
    public static bool IsRegexWhitespace(char c) => c is ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r';

    /// <summary>Whether the text is a syntactically valid (possibly nested, <c>$</c>-separated) Java class name.</summary>
    public static bool IsClassName(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var segment in value.Split('.'))
        {
            if (segment.Length == 0 || !(char.IsLetter(segment[0]) || segment[0] is '_' or '$'))
            {
                return false;
            }

            foreach (var c in segment)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '$'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="c"/> is an ISO control character (Java <c>Character.isISOControl</c>).</summary>
    public static bool IsIsoControl(int c) => c is <= 0x1F or (>= 0x7F and <= 0x9F);
}
