using System.Collections.ObjectModel;
using System.Text;

namespace Serverless.Connect.Configuration.Providers;

/// <summary>Replaces <c>${provider:[path:]key}</c> references with provider values (Kafka's <c>ConfigTransformer</c>).</summary>
/// <remarks>
/// One pass, like Kafka: values returned by providers are not scanned again. References to unknown aliases stay as
/// written (with a warning), as in Kafka; unlike Kafka, a reference whose provider is known but which finds nothing is
/// an error naming the key and the reference, instead of silently passing the literal text to the connector.
/// </remarks>
public sealed class ConfigResolver
{
    private readonly ConfigProviders _providers;

    /// <summary>Creates a resolver.</summary>
    /// <param name="providers">The providers to use.</param>
    public ConfigResolver(ConfigProviders providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers;
    }

    /// <summary>Resolves every reference in a configuration.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The resolved values plus errors and warnings.</returns>
    public ConfigResolution Resolve(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ConfigProblem>();
        var warnings = new List<ConfigProblem>(_providers.Warnings);
        var lookups = LookUpAll(config);
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config)
        {
            result[key] = Replace(key, value, lookups, errors, warnings);
        }

        return new ConfigResolution(new ReadOnlyDictionary<string, string>(result), errors.AsReadOnly(), warnings.AsReadOnly());
    }

    private Dictionary<(string Provider, string Path), Lookup> LookUpAll(IReadOnlyDictionary<string, string> config)
    {
        var wanted = new Dictionary<(string Provider, string Path), HashSet<string>>();
        foreach (var value in config.Values)
        {
            foreach (var reference in ConfigReference.FindAll(value))
            {
                var slot = (reference.Provider, reference.Path);
                if (!wanted.TryGetValue(slot, out var keys))
                {
                    wanted[slot] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(reference.Key);
            }
        }

        var lookups = new Dictionary<(string Provider, string Path), Lookup>();
        foreach (var ((alias, path), keys) in wanted)
        {
            var provider = _providers.Find(alias);
            if (provider is null)
            {
                continue;
            }

            try
            {
                lookups[(alias, path)] = new Lookup(provider, provider.Get(path, keys), null);
            }
            catch (ConfigProviderException e)
            {
                lookups[(alias, path)] = new Lookup(provider, new Dictionary<string, string>(), e.Message);
            }
        }

        return lookups;
    }

    private static string Replace(
        string key, string value, Dictionary<(string Provider, string Path), Lookup> lookups, List<ConfigProblem> errors, List<ConfigProblem> warnings)
    {
        var matches = ConfigReference.Pattern().Matches(value);
        if (matches.Count == 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var position = 0;
        foreach (System.Text.RegularExpressions.Match match in matches)
        {
            var reference = ConfigReference.FromMatch(match);
            builder.Append(value, position, match.Index - position);
            position = match.Index + match.Length;
            if (!lookups.TryGetValue((reference.Provider, reference.Path), out var lookup))
            {
                warnings.Add(new ConfigProblem(key, $"{reference.Text} names no known config provider '{reference.Provider}'; left unchanged"));
                builder.Append(reference.Text);
                continue;
            }

            if (lookup.Values.TryGetValue(reference.Key, out var replacement))
            {
                builder.Append(replacement);
                continue;
            }

            var reason = lookup.Failure ?? lookup.Provider.DescribeLookup(reference.Path, reference.Key);
            errors.Add(new ConfigProblem(key, $"Could not resolve {reference.Text}: {reason}"));
            builder.Append(reference.Text);
        }

        builder.Append(value, position, value.Length - position);
        return builder.ToString();
    }

    private sealed record Lookup(IConfigProvider Provider, IReadOnlyDictionary<string, string> Values, string? Failure);
}
