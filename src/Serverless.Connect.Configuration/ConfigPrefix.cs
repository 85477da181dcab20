using System.Collections.ObjectModel;

namespace Serverless.Connect.Configuration;

/// <summary>Helpers for prefixed sub-configurations such as <c>transforms.&lt;alias&gt;.*</c> or <c>value.converter.*</c>.</summary>
public static class ConfigPrefix
{
    /// <summary>The entries whose keys start with <paramref name="prefix"/>, in their original order.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="prefix">The prefix including its trailing dot, for example <c>key.converter.</c>.</param>
    /// <param name="strip">Whether to remove the prefix from the returned keys.</param>
    /// <returns>A read-only ordered map.</returns>
    public static IReadOnlyDictionary<string, string> WithPrefix(IReadOnlyDictionary<string, string> config, string prefix, bool strip = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(prefix);
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                result[strip ? key[prefix.Length..] : key] = value;
            }
        }

        return new ReadOnlyDictionary<string, string>(result);
    }

    /// <summary>The configuration without the entries whose keys start with <paramref name="prefix"/>.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="prefix">The prefix to remove.</param>
    /// <returns>A read-only ordered map.</returns>
    public static IReadOnlyDictionary<string, string> WithoutPrefix(IReadOnlyDictionary<string, string> config, string prefix)
    {
        ArgumentNullException.ThrowIfNull(config);
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                result[key] = value;
            }
        }

        return new ReadOnlyDictionary<string, string>(result);
    }

    /// <summary>The sub-configuration of a converter property: <c>key.converter</c> → entries under <c>key.converter.</c>.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="converterProperty">The class property, for example <c>value.converter</c>.</param>
    /// <returns>The converter's own settings with the prefix stripped.</returns>
    public static IReadOnlyDictionary<string, string> ForConverter(IReadOnlyDictionary<string, string> config, string converterProperty) =>
        WithPrefix(config, converterProperty + ".", strip: true);
}
