using System.Security.Cryptography;
using System.Text;

namespace Serverless.Connect.Deployment.Kubernetes;

/// <summary>Turns connector and secret names into Kubernetes object names (RFC 1123 labels, at most 63 characters).</summary>
public static class KubernetesNames
{
    /// <summary>A stable RFC 1123 label for the name: lower case, other characters as <c>-</c>, long names shortened with a hash.</summary>
    /// <param name="name">Any name.</param>
    /// <param name="maxLength">The limit (63 for labels and most names).</param>
    /// <returns>The label.</returns>
    public static string ToLabel(string name, int maxLength = 63)
    {
        ArgumentNullException.ThrowIfNull(name);
        var label = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            label.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var text = label.ToString().Trim('-');
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        if (text.Length == 0)
        {
            text = "x";
        }

        if (text.Length <= maxLength && text == name)
        {
            return text;
        }

        // Rewritten or too long: a short hash of the original keeps two different names from colliding.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..6];
        return (text.Length + 7 <= maxLength ? text : text[..(maxLength - 7)].TrimEnd('-')) + "-" + hash;
    }
}
