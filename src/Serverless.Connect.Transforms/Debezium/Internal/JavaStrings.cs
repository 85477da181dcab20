namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Java <c>String</c> helpers whose semantics differ from .NET's.</summary>
internal static class JavaStrings
{
    /// <summary>Java's <c>String.trim()</c>: removes leading and trailing characters up to U+0020.</summary>
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

        return value[start..end];
    }

    /// <summary>Debezium's <c>Strings.isNullOrBlank</c>: null, or nothing but characters up to U+0020.</summary>
    public static bool IsNullOrBlank(string? value) => value is null || Trim(value).Length == 0;
}
