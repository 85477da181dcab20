using System.Globalization;
using System.Text;

namespace Serverless.Connect.TestUtilities.FaultProxy;

/// <summary>The start line and header lines of one HTTP/1.1 message.</summary>
internal sealed record HttpHead(string StartLine, List<string> Headers)
{
    public string? Header(string name)
    {
        foreach (var line in Headers)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    public long? ContentLength => Header("Content-Length") is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : null;

    public bool Chunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The head as bytes, without the headers named in <paramref name="drop"/>.</summary>
    public byte[] ToBytes(params string[] drop)
    {
        var text = new StringBuilder(StartLine).Append("\r\n");
        foreach (var line in Headers)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : line;
            if (!drop.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                text.Append(line).Append("\r\n");
            }
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }
}
