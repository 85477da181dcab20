namespace Serverless.Connect.Transforms.Internal;

/// <summary>Java string behaviour that config parsing depends on.</summary>
internal static class JavaStrings
{
    /// <summary>
    /// Java's <c>text.split(":")</c> for a one-character literal separator: trailing empty parts are dropped, so
    /// <c>"a:"</c> gives one part and <c>":b"</c> two, while an empty text gives one empty part.
    /// </summary>
    public static string[] Split(string text, char separator)
    {
        var parts = text.Split(separator);
        if (text.Length == 0)
        {
            return parts;
        }

        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0)
        {
            count--;
        }

        return count == parts.Length ? parts : parts[..count];
    }

    /// <summary>Java's <c>String.trim()</c>: removes leading and trailing characters up to U+0020.</summary>
    public static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] <= ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] <= ' ')
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>Java's <c>List.toString()</c> of strings: <c>[a, b]</c>.</summary>
    public static string ListText(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
