using Serverless.Connect.Configuration;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Runtime.Sinks;

/// <summary>The sink connectors a host can run, by <c>connector.class</c> (full Java name or simple name, as Connect accepts).</summary>
public sealed class SinkConnectorRegistry
{
    private readonly Dictionary<string, ISinkConnectorPlugin> _byName = new(StringComparer.Ordinal);
    private readonly List<ISinkConnectorPlugin> _plugins = [];

    /// <summary>Gets the registered connectors in registration order.</summary>
    public IReadOnlyList<ISinkConnectorPlugin> Plugins => _plugins;

    /// <summary>Adds a connector under its class name and aliases.</summary>
    /// <param name="plugin">The connector.</param>
    /// <returns>This registry.</returns>
    public SinkConnectorRegistry Register(ISinkConnectorPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        _plugins.Add(plugin);
        _byName[plugin.ClassName] = plugin;
        foreach (var alias in plugin.Aliases)
        {
            _byName[alias] = plugin;
        }

        return this;
    }

    /// <summary>Finds the connector for a <c>connector.class</c> value.</summary>
    /// <param name="connectorClass">The configured class.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="ConfigException">No registered sink has that class; the message lists the supported ones.</exception>
    public ISinkConnectorPlugin Get(string connectorClass) =>
        _byName.TryGetValue(connectorClass, out var plugin)
            ? plugin
            : throw new ConfigException(
                $"connector.class {connectorClass} is not a sink this host runs; supported: {string.Join(", ", _plugins.Select(p => p.ClassName))}");

    /// <summary>Whether a <c>connector.class</c> value names a registered sink.</summary>
    /// <param name="connectorClass">The configured class.</param>
    /// <returns>True when it does.</returns>
    public bool Contains(string connectorClass) => _byName.ContainsKey(connectorClass);
}
