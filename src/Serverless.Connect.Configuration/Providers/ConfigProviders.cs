namespace Serverless.Connect.Configuration.Providers;

/// <summary>The config providers available to <c>${alias:path:key}</c> references, by alias.</summary>
/// <remarks>
/// Always available: <c>env</c>, <c>file</c>, <c>directory</c>, <c>secrets</c>, <c>configmaps</c> and Strimzi's
/// <c>strimzienv</c>, <c>strimzifile</c>, <c>strimzidir</c>. Worker declarations
/// (<c>config.providers=a,b</c>, <c>config.providers.a.class=…</c>, <c>config.providers.a.param.*</c>) add or replace
/// aliases; a declared class Serverless.Connect cannot run makes references to that alias fail with an error.
/// </remarks>
public sealed class ConfigProviders
{
    /// <summary>The worker key listing provider aliases.</summary>
    public const string ProvidersKey = "config.providers";

    private readonly Dictionary<string, IConfigProvider> _providers = new(StringComparer.Ordinal);
    private readonly List<ConfigProblem> _warnings = [];

    private ConfigProviders()
    {
    }

    /// <summary>The Java provider classes Serverless.Connect implements, and what they map to.</summary>
    public static IReadOnlyDictionary<string, string> SupportedClasses { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["org.apache.kafka.common.config.provider.EnvVarConfigProvider"] = "env",
        ["io.strimzi.kafka.EnvVarConfigProvider"] = "env",
        ["org.apache.kafka.common.config.provider.FileConfigProvider"] = "file",
        ["org.apache.kafka.common.config.provider.DirectoryConfigProvider"] = "directory",
        ["io.strimzi.kafka.KubernetesSecretConfigProvider"] = "secrets",
        ["io.strimzi.kafka.KubernetesConfigMapConfigProvider"] = "configmaps",
    };

    /// <summary>Problems with provider declarations (unknown classes, missing class keys).</summary>
    public IReadOnlyList<ConfigProblem> Warnings => _warnings.AsReadOnly();

    /// <summary>The registered aliases.</summary>
    public IReadOnlyCollection<string> Aliases => _providers.Keys;

    /// <summary>The built-in providers only.</summary>
    /// <param name="options">Provider settings, or null for defaults.</param>
    /// <returns>The registry.</returns>
    public static ConfigProviders CreateDefault(ConfigProviderOptions? options = null) => FromWorkerConfig(null, options);

    /// <summary>The built-in providers plus those declared in a worker configuration.</summary>
    /// <param name="workerConfig">The worker settings, or null.</param>
    /// <param name="options">Provider settings, or null for defaults.</param>
    /// <returns>The registry.</returns>
    public static ConfigProviders FromWorkerConfig(IReadOnlyDictionary<string, string>? workerConfig, ConfigProviderOptions? options = null)
    {
        options ??= new ConfigProviderOptions();
        var registry = new ConfigProviders();
        foreach (var (alias, kind) in new[]
                 {
                     ("env", "env"), ("file", "file"), ("directory", "directory"), ("secrets", "secrets"), ("configmaps", "configmaps"),
                     ("strimzienv", "env"), ("strimzifile", "file"), ("strimzidir", "directory"),
                 })
        {
            registry._providers[alias] = Create(kind, new Dictionary<string, string>(), options);
        }

        if (workerConfig is not null)
        {
            registry.AddDeclared(workerConfig, options);
        }

        return registry;
    }

    /// <summary>Registers (or replaces) a provider under an alias; other projects use this for their own providers.</summary>
    /// <param name="alias">The alias used in references.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>This registry.</returns>
    public ConfigProviders Register(string alias, IConfigProvider provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        ArgumentNullException.ThrowIfNull(provider);
        _providers[alias] = provider;
        return this;
    }

    /// <summary>The provider for an alias, or null.</summary>
    /// <param name="alias">The alias.</param>
    /// <returns>The provider.</returns>
    public IConfigProvider? Find(string alias) => _providers.GetValueOrDefault(alias);

    private void AddDeclared(IReadOnlyDictionary<string, string> workerConfig, ConfigProviderOptions options)
    {
        if (!workerConfig.TryGetValue(ProvidersKey, out var declared))
        {
            return;
        }

        foreach (var alias in declared.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var classKey = $"{ProvidersKey}.{alias}.class";
            if (!workerConfig.TryGetValue(classKey, out var className) || string.IsNullOrWhiteSpace(className))
            {
                _warnings.Add(new ConfigProblem(classKey, $"config provider '{alias}' is declared without a class; the built-in meaning of '{alias}' (if any) is kept"));
                continue;
            }

            className = className.Trim();
            if (!SupportedClasses.TryGetValue(className, out var kind))
            {
                var reason = $"config provider '{alias}' uses class {className}, which Serverless.Connect does not support (supported: {string.Join(", ", SupportedClasses.Keys)})";
                _warnings.Add(new ConfigProblem(classKey, reason));
                _providers[alias] = new UnsupportedConfigProvider(reason);
                continue;
            }

            var parameters = ConfigPrefix.WithPrefix(workerConfig, $"{ProvidersKey}.{alias}.param.");
            _providers[alias] = Create(kind, parameters, options);
        }
    }

    private static IConfigProvider Create(string kind, IReadOnlyDictionary<string, string> parameters, ConfigProviderOptions options) => kind switch
    {
        "env" => new EnvVarConfigProvider(options.Environment, parameters.GetValueOrDefault(EnvVarConfigProvider.AllowlistPatternParameter)),
        "file" => new FileConfigProvider(parameters.GetValueOrDefault(FileConfigProvider.AllowedPathsParameter)),
        "directory" => new DirectoryConfigProvider(parameters.GetValueOrDefault(FileConfigProvider.AllowedPathsParameter)),
        "secrets" => MountedSecretConfigProvider.ForSecrets(options.Environment, options.SecretsDirectory),
        _ => MountedSecretConfigProvider.ForConfigMaps(options.Environment, options.ConfigMapsDirectory),
    };
}
