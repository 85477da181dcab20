using Serverless.Connect.Configuration.Internal;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Providers;

/// <summary><c>${file:PATH:KEY}</c>: a key of a Java properties file (Kafka's <c>FileConfigProvider</c>).</summary>
public sealed class FileConfigProvider : IConfigProvider
{
    /// <summary>The Kafka parameter restricting readable paths.</summary>
    public const string AllowedPathsParameter = "allowed.paths";

    private readonly AllowedPaths _allowed;

    /// <summary>Creates the provider.</summary>
    /// <param name="allowedPaths">Comma-separated directories files must be inside, or null for any.</param>
    public FileConfigProvider(string? allowedPaths = null)
    {
        _allowed = new AllowedPaths(allowedPaths);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(path))
        {
            return new Dictionary<string, string>();
        }

        _allowed.EnsureAllowed(path);
        IReadOnlyDictionary<string, string> properties;
        try
        {
            properties = JavaProperties.Parse(TextFiles.Read(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigException)
        {
            throw new ConfigProviderException($"Could not read properties from file {path}", e);
        }

        return keys.Where(properties.ContainsKey).ToDictionary(k => k, k => properties[k], StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string DescribeLookup(string path, string key) =>
        string.IsNullOrEmpty(path) ? "the reference has no file path" : $"properties file {path} has no key {key}";
}
