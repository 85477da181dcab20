using System.Runtime.CompilerServices;
using System.Text;

namespace Serverless.Connect.TestUtilities;

/// <summary>Unique, service-safe resource names derived from the calling test, so parallel tests never share state.</summary>
public static class TestNames
{
    /// <summary>A lowercase name of letters, digits and <paramref name="separator"/>, at most <paramref name="maxLength"/> long.</summary>
    public static string Unique(string prefix, [CallerMemberName] string caller = "", char separator = '_', int maxLength = 60)
    {
        var sb = new StringBuilder(prefix.Length + caller.Length + 10);
        foreach (var c in prefix + separator + caller)
        {
            var next = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : separator;
            // Blob containers forbid doubled separators, so collapse runs.
            if (next != separator || sb.Length == 0 || sb[^1] != separator)
            {
                sb.Append(next);
            }
        }

        var suffix = separator + Guid.NewGuid().ToString("N")[..8];
        var head = sb.ToString();
        if (head.Length + suffix.Length > maxLength)
        {
            head = head[..(maxLength - suffix.Length)];
        }

        return head + suffix;
    }
}
