using System.Text.RegularExpressions;

namespace Serverless.Connect.Deployment;

/// <summary>A Strimzi <c>${secrets:[namespace/]name:key}</c> reference found in a connector or worker value.</summary>
/// <param name="Namespace">The namespace part, or null.</param>
/// <param name="Name">The Kubernetes Secret name.</param>
/// <param name="Key">The key inside the Secret.</param>
public sealed partial record SecretReference(string? Namespace, string Name, string Key)
{
    /// <summary>Every <c>${secrets:…}</c> reference in the values, distinct, in first-seen order.</summary>
    /// <param name="values">Configuration values.</param>
    /// <returns>The references.</returns>
    public static IReadOnlyList<SecretReference> FindAll(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var found = new List<SecretReference>();
        foreach (var value in values)
        {
            foreach (Match match in Pattern().Matches(value))
            {
                var path = match.Groups["path"].Value;
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                var reference = slash < 0
                    ? new SecretReference(null, path, match.Groups["key"].Value)
                    : new SecretReference(path[..slash], path[(slash + 1)..], match.Groups["key"].Value);
                if (!found.Contains(reference))
                {
                    found.Add(reference);
                }
            }
        }

        return found;
    }

    /// <summary>Parses one value that is exactly a secret reference.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The reference, or null when the value is anything else.</returns>
    public static SecretReference? TryParseWhole(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var all = FindAll([value]);
        return all.Count == 1 && Pattern().Match(value) is { Success: true } m && m.Length == value.Trim().Length ? all[0] : null;
    }

    // The same shape Kafka's ConfigTransformer matches, restricted to the secrets provider.
    [GeneratedRegex(@"\$\{secrets:(?<path>[^}:]+):(?<key>[^}:]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
