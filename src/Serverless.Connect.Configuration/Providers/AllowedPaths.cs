namespace Serverless.Connect.Configuration.Providers;

/// <summary>The <c>allowed.paths</c> parameter of Kafka's file and directory providers (KIP-993).</summary>
internal sealed class AllowedPaths
{
    private readonly IReadOnlyList<string>? _roots;

    public AllowedPaths(string? parameter)
    {
        _roots = string.IsNullOrWhiteSpace(parameter)
            ? null
            : parameter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(p)))
                .ToList();
    }

    public void EnsureAllowed(string path)
    {
        if (_roots is null)
        {
            return;
        }

        var full = System.IO.Path.GetFullPath(path);
        foreach (var root in _roots)
        {
            if (string.Equals(full, root, StringComparison.Ordinal)
                || full.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new ConfigProviderException($"path {path} is not inside the provider's allowed.paths");
    }
}
