using System.Text;

namespace Serverless.Connect.Configuration.Providers;

/// <summary><c>${directory:PATH:FILE}</c>: the exact contents of file FILE in directory PATH (Kafka's <c>DirectoryConfigProvider</c>).</summary>
/// <remarks>Only regular files directly inside PATH count (symbolic links to files, as in Kubernetes volume mounts, are followed).</remarks>
public sealed class DirectoryConfigProvider : IConfigProvider
{
    private readonly AllowedPaths _allowed;

    /// <summary>Creates the provider.</summary>
    /// <param name="allowedPaths">Comma-separated directories PATH must be inside, or null for any.</param>
    public DirectoryConfigProvider(string? allowedPaths = null)
    {
        _allowed = new AllowedPaths(allowedPaths);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(path))
        {
            return result;
        }

        _allowed.EnsureAllowed(path);
        if (!Directory.Exists(path))
        {
            throw new ConfigProviderException($"The path {path} is not a directory");
        }

        foreach (var key in keys)
        {
            if (key.Length == 0 || key.IndexOfAny(['/', '\\']) >= 0 || key is "." or "..")
            {
                continue;
            }

            var file = System.IO.Path.Combine(path, key);
            if (File.Exists(file))
            {
                try
                {
                    result[key] = File.ReadAllText(file, Encoding.UTF8);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new ConfigProviderException($"Could not read file {file} for property {key}", e);
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public string DescribeLookup(string path, string key) =>
        string.IsNullOrEmpty(path) ? "the reference has no directory path" : $"directory {path} has no regular file {key}";
}
