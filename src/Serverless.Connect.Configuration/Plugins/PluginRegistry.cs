namespace Serverless.Connect.Configuration.Plugins;

/// <summary>The plugins the running process implements; projects register their connectors, transforms and converters here.</summary>
/// <remarks>
/// Lookup accepts the class name or one of Kafka Connect's aliases: the simple class name and the simple name without
/// the kind suffix (<c>Connector</c>, <c>Converter</c>, <c>HeaderConverter</c>, <c>Transformation</c>, <c>Predicate</c>).
/// Like Connect, an alias shared by two different classes is ambiguous and not accepted. Thread-safe.
/// </remarks>
public sealed class PluginRegistry
{
    private readonly Lock _lock = new();
    private readonly List<PluginDescriptor> _plugins = [];

    /// <summary>All registered plugins in registration order.</summary>
    public IReadOnlyList<PluginDescriptor> Plugins
    {
        get
        {
            lock (_lock)
            {
                return _plugins.ToList().AsReadOnly();
            }
        }
    }

    /// <summary>Registers a plugin, replacing an earlier registration of the same class and kind.</summary>
    /// <param name="descriptor">The plugin.</param>
    /// <returns>This registry.</returns>
    public PluginRegistry Register(PluginDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        lock (_lock)
        {
            _plugins.RemoveAll(p => p.Kind == descriptor.Kind && string.Equals(p.ClassName, descriptor.ClassName, StringComparison.Ordinal));
            _plugins.Add(descriptor);
        }

        return this;
    }

    /// <summary>The registered plugins of some kinds.</summary>
    /// <param name="kinds">The kinds.</param>
    /// <returns>The plugins, in registration order.</returns>
    public IReadOnlyList<PluginDescriptor> OfKind(params PluginKind[] kinds) =>
        Plugins.Where(p => kinds.Contains(p.Kind)).ToList().AsReadOnly();

    /// <summary>Finds a plugin by class name or alias.</summary>
    /// <param name="classOrAlias">What the configuration says.</param>
    /// <param name="kinds">The acceptable kinds.</param>
    /// <returns>The plugin, or null when unknown or ambiguous.</returns>
    public PluginDescriptor? Find(string classOrAlias, params PluginKind[] kinds) => Lookup(classOrAlias, kinds).Plugin;

    /// <summary>The automatic aliases of a class name for a kind.</summary>
    /// <param name="className">The fully qualified class name.</param>
    /// <param name="kind">The plugin kind.</param>
    /// <returns>The simple name and, when different, the simple name without the kind suffix.</returns>
    public static IReadOnlyList<string> AutomaticAliases(string className, PluginKind kind)
    {
        ArgumentNullException.ThrowIfNull(className);
        var simple = className[(className.LastIndexOf('.') + 1)..];
        simple = simple[(simple.LastIndexOf('$') + 1)..];
        var suffix = kind switch
        {
            PluginKind.Source or PluginKind.Sink => "Connector",
            PluginKind.Converter => "Converter",
            PluginKind.HeaderConverter => "HeaderConverter",
            PluginKind.Transformation => "Transformation",
            _ => "Predicate",
        };
        return simple.Length > suffix.Length && simple.EndsWith(suffix, StringComparison.Ordinal)
            ? [simple, simple[..^suffix.Length]]
            : [simple];
    }

    internal (PluginDescriptor? Plugin, IReadOnlyList<string> Ambiguous) Lookup(string classOrAlias, IReadOnlyCollection<PluginKind> kinds)
    {
        var name = classOrAlias.Trim();
        var all = Plugins;
        var exact = all.FirstOrDefault(p => kinds.Contains(p.Kind) && string.Equals(p.ClassName, name, StringComparison.Ordinal));
        if (exact is not null)
        {
            return (exact, []);
        }

        // Aliases are computed over every registered class, as Connect does, so a shared simple name is ambiguous.
        var claimants = all
            .Where(p => p.Aliases.Contains(name, StringComparer.Ordinal) || AutomaticAliases(p.ClassName, p.Kind).Contains(name, StringComparer.Ordinal))
            .Select(p => p.ClassName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (claimants.Count > 1)
        {
            return (null, claimants.AsReadOnly());
        }

        var match = all.FirstOrDefault(p => kinds.Contains(p.Kind) && claimants.Contains(p.ClassName, StringComparer.Ordinal));
        return (match, []);
    }
}
