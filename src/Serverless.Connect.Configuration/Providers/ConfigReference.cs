using System.Text.RegularExpressions;

namespace Serverless.Connect.Configuration.Providers;

/// <summary>One <c>${provider:[path:]key}</c> reference inside a configuration value, parsed as Kafka's <c>ConfigTransformer</c> does.</summary>
/// <param name="Provider">The provider alias, for example <c>secrets</c>.</param>
/// <param name="Path">The path, empty when the reference has only two parts.</param>
/// <param name="Key">The key.</param>
/// <param name="Text">The whole reference text, for example <c>${secrets:postgres:password}</c>.</param>
public sealed partial record ConfigReference(string Provider, string Path, string Key, string Text)
{
    /// <summary>Every reference in a value, in order; text without a colon inside <c>${…}</c> (such as <c>${topic}</c>) is not a reference.</summary>
    /// <param name="value">The configuration value.</param>
    /// <returns>The references.</returns>
    public static IReadOnlyList<ConfigReference> FindAll(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Pattern().Matches(value).Select(FromMatch).ToList().AsReadOnly();
    }

    internal static ConfigReference FromMatch(Match match) =>
        new(match.Groups[1].Value, match.Groups[3].Success ? match.Groups[3].Value : string.Empty, match.Groups[4].Value, match.Value);

    [GeneratedRegex(@"\$\{([^}]*?):(([^}]*?):)?([^}]*?)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();
}
