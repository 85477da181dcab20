using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Plugins;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>The transformations and predicates this process can run, looked up by Kafka class name or Connect alias.</summary>
/// <remarks>
/// Lookup follows Connect (through <see cref="PluginRegistry"/>): the class name, extra <see cref="TransformPlugin.Aliases"/>,
/// the simple name (<c>RegexRouter</c>) and the simple name without a <c>Transformation</c>/<c>Predicate</c> suffix.
/// Nested <c>$Key</c>/<c>$Value</c> classes share the simple names <c>Key</c>/<c>Value</c>, which are therefore ambiguous
/// and must be written in full, as in Connect. Thread-safe.
/// </remarks>
public sealed class TransformRegistry
{
    private readonly Lock _lock = new();
    private readonly List<TransformPlugin> _plugins = [];
    private readonly PluginRegistry _lookup = new();

    /// <summary>A shared registry holding <see cref="BuiltInTransforms.All"/>; register custom plugins here or use a private one.</summary>
    public static TransformRegistry Default { get; } = CreateWithBuiltIns();

    /// <summary>All registered plugins in registration order.</summary>
    public IReadOnlyList<TransformPlugin> Plugins
    {
        get
        {
            lock (_lock)
            {
                return _plugins.ToList().AsReadOnly();
            }
        }
    }

    /// <summary>Creates a registry holding every built-in transformation and predicate.</summary>
    /// <returns>The registry.</returns>
    public static TransformRegistry CreateWithBuiltIns()
    {
        var registry = new TransformRegistry();
        foreach (var plugin in BuiltInTransforms.All)
        {
            registry.Register(plugin);
        }

        return registry;
    }

    /// <summary>Registers a plugin, replacing an earlier one with the same class name and kind.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <returns>This registry.</returns>
    public TransformRegistry Register(TransformPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        lock (_lock)
        {
            _plugins.RemoveAll(p => p.Kind == plugin.Kind && string.Equals(p.ClassName, plugin.ClassName, StringComparison.Ordinal));
            _plugins.Add(plugin);
            _lookup.Register(plugin.ToDescriptor());
        }

        return this;
    }

    /// <summary>Finds a plugin by class name or alias.</summary>
    /// <param name="classOrAlias">What <c>transforms.&lt;alias&gt;.type</c> or <c>predicates.&lt;alias&gt;.type</c> says.</param>
    /// <param name="kind"><see cref="PluginKind.Transformation"/> or <see cref="PluginKind.Predicate"/>.</param>
    /// <returns>The plugin, or null when unknown or ambiguous.</returns>
    public TransformPlugin? Find(string classOrAlias, PluginKind kind)
    {
        ArgumentNullException.ThrowIfNull(classOrAlias);
        lock (_lock)
        {
            var descriptor = _lookup.Find(classOrAlias, kind);
            return descriptor is null
                ? null
                : _plugins.Find(p => p.Kind == kind && string.Equals(p.ClassName, descriptor.ClassName, StringComparison.Ordinal));
        }
    }

    /// <summary>The class names of one kind, sorted, as listed in error messages.</summary>
    /// <param name="kind"><see cref="PluginKind.Transformation"/> or <see cref="PluginKind.Predicate"/>.</param>
    /// <returns>The class names.</returns>
    public IReadOnlyList<string> SupportedClassNames(PluginKind kind) =>
        [.. Plugins.Where(p => p.Kind == kind).Select(p => p.ClassName).Order(StringComparer.Ordinal)];

    /// <summary>Resolves a class name or alias, failing like Connect with the list of what is supported.</summary>
    /// <param name="classOrAlias">The configured type.</param>
    /// <param name="kind"><see cref="PluginKind.Transformation"/> or <see cref="PluginKind.Predicate"/>.</param>
    /// <param name="key">The configuration key the type came from, for the error, e.g. <c>transforms.route.type</c>.</param>
    /// <returns>The plugin.</returns>
    /// <exception cref="ConfigException">No plugin of that kind has that name.</exception>
    public TransformPlugin Resolve(string classOrAlias, PluginKind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(classOrAlias);
        if (Find(classOrAlias, kind) is { } plugin)
        {
            return plugin;
        }

        var noun = kind == PluginKind.Predicate ? "predicates" : "transformations";
        throw new ConfigException(
            key, classOrAlias, $"Class {classOrAlias} could not be found. Supported {noun}: {string.Join(", ", SupportedClassNames(kind))}");
    }

    /// <summary>Registers every plugin's descriptor (class, aliases, settings, cross-field validator) for connector validation.</summary>
    /// <param name="registry">The connector validation registry.</param>
    /// <returns><paramref name="registry"/>.</returns>
    public PluginRegistry RegisterInto(PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var plugin in Plugins)
        {
            registry.Register(plugin.ToDescriptor());
        }

        return registry;
    }
}
