namespace Serverless.Connect.Configuration.Providers;

/// <summary>Settings for the built-in config providers.</summary>
public sealed record ConfigProviderOptions
{
    /// <summary>The environment read by <c>${env:…}</c> and the secret variables; the process environment by default.</summary>
    public IEnvironmentVariables Environment { get; init; } = SystemEnvironmentVariables.Instance;

    /// <summary>Overrides <c>SC_SECRETS_DIR</c>; null to use it (or its default).</summary>
    public string? SecretsDirectory { get; init; }

    /// <summary>Overrides <c>SC_CONFIGMAPS_DIR</c>; null to use it (or its default).</summary>
    public string? ConfigMapsDirectory { get; init; }
}
