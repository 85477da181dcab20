using System.Text.RegularExpressions;

namespace Serverless.Connect.Configuration.Providers;

/// <summary><c>${env:NAME}</c>: environment variables (Kafka's <c>EnvVarConfigProvider</c>).</summary>
/// <remarks>The optional <c>allowlist.pattern</c> parameter limits which variables may be read (regex, found anywhere in the name).</remarks>
public sealed class EnvVarConfigProvider : IConfigProvider
{
    /// <summary>The Kafka parameter restricting readable variable names.</summary>
    public const string AllowlistPatternParameter = "allowlist.pattern";

    private readonly IEnvironmentVariables _environment;
    private readonly Regex? _allowlist;

    /// <summary>Creates the provider.</summary>
    /// <param name="environment">The environment to read.</param>
    /// <param name="allowlistPattern">A regex variable names must match, or null for all.</param>
    public EnvVarConfigProvider(IEnvironmentVariables environment, string? allowlistPattern = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _allowlist = allowlistPattern is null ? null : new Regex(allowlistPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!string.IsNullOrEmpty(path))
        {
            throw new ConfigProviderException($"Path is not supported for EnvVarConfigProvider, invalid value '{path}'");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_allowlist is not null && !_allowlist.IsMatch(key))
            {
                continue;
            }

            var value = _environment.Get(key);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public string DescribeLookup(string path, string key) =>
        _allowlist is not null && !_allowlist.IsMatch(key)
            ? $"environment variable {key} does not match the provider's allowlist.pattern"
            : $"environment variable {key} is not set";
}
