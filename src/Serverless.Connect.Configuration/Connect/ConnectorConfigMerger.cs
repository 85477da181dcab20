using System.Collections.ObjectModel;

namespace Serverless.Connect.Configuration.Connect;

/// <summary>Merges a worker configuration under a connector configuration with Kafka Connect's rules.</summary>
/// <remarks>
/// <para>Connector keys win over worker keys. Worker keys that only configure the worker itself (group.id, the internal
/// storage topics, config.providers, REST listeners, plugin.path) are not copied.</para>
/// <para>Converters follow Connect's <c>Plugins.newConverter</c>: the class and its <c>&lt;property&gt;.*</c> settings always come
/// from the same place. When the connector sets <c>value.converter</c>, none of the worker's <c>value.converter.*</c>
/// settings apply; when it does not, the worker's class and settings apply and the connector's own
/// <c>value.converter.*</c> settings are ignored (with a warning), exactly as Connect ignores them.</para>
/// </remarks>
public static class ConnectorConfigMerger
{
    /// <summary>Connect's default header converter.</summary>
    public const string DefaultHeaderConverter = "org.apache.kafka.connect.storage.SimpleHeaderConverter";

    private static readonly string[] _converterProperties =
        [ConnectConfigDefs.KeyConverter, ConnectConfigDefs.ValueConverter, ConnectConfigDefs.HeaderConverter];

    private static readonly string[] _workerOnlyPrefixes =
    [
        "group.id", "config.storage.", "offset.storage.", "status.storage.", "config.providers", "plugin.path", "plugin.discovery",
        "listeners", "rest.", "admin.listeners", "internal.key.converter", "internal.value.converter",
    ];

    /// <summary>Merges the configurations.</summary>
    /// <param name="connector">The connector configuration.</param>
    /// <param name="worker">The worker configuration, or null for <see cref="WorkerConfig.CreateDefault"/>.</param>
    /// <param name="environment">Used only for the default worker's <c>KAFKA_BOOTSTRAP_SERVERS</c>; the process environment when null.</param>
    /// <returns>The effective configuration.</returns>
    public static EffectiveConnectorConfig Merge(ConnectorConfig connector, WorkerConfig? worker = null, IEnvironmentVariables? environment = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        worker ??= WorkerConfig.CreateDefault(environment);
        var warnings = new List<ConfigProblem>();
        var merged = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in worker.Values)
        {
            if (!IsConverterKey(key) && !_workerOnlyPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                merged[key] = value;
            }
        }

        foreach (var (key, value) in connector.Values)
        {
            if (!IsConverterKey(key))
            {
                merged[key] = value;
            }
        }

        var converters = new Dictionary<string, ConverterSettings?>(StringComparer.Ordinal);
        foreach (var property in _converterProperties)
        {
            var settings = ResolveConverter(property, connector, worker, warnings);
            converters[property] = settings;
            if (settings is not null)
            {
                merged[property] = settings.ClassName;
                foreach (var (subKey, subValue) in settings.Config)
                {
                    merged[$"{property}.{subKey}"] = subValue;
                }
            }
        }

        return new EffectiveConnectorConfig
        {
            Connector = connector,
            Worker = worker,
            Values = new ReadOnlyDictionary<string, string>(merged),
            KeyConverter = converters[ConnectConfigDefs.KeyConverter],
            ValueConverter = converters[ConnectConfigDefs.ValueConverter],
            HeaderConverter = converters[ConnectConfigDefs.HeaderConverter]!,
            Warnings = warnings.AsReadOnly(),
        };
    }

    /// <summary>The converter Connect would configure for one slot, following <c>Plugins.newConverter</c>.</summary>
    /// <param name="property">The class property, for example <c>value.converter</c>.</param>
    /// <param name="connector">The connector configuration.</param>
    /// <param name="worker">The worker configuration.</param>
    /// <returns>The converter, or null when nothing configures one (never null for <c>header.converter</c>).</returns>
    public static ConverterSettings? ResolveConverter(string property, ConnectorConfig connector, WorkerConfig worker)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(worker);
        return ResolveConverter(property, connector, worker, []);
    }

    private static ConverterSettings? ResolveConverter(string property, ConnectorConfig connector, WorkerConfig worker, List<ConfigProblem> warnings)
    {
        if (connector.Values.TryGetValue(property, out var connectorClass))
        {
            return new ConverterSettings(property, connectorClass.Trim(), ConfigPrefix.ForConverter(connector.Values, property), ConfigOrigin.Connector);
        }

        foreach (var orphan in ConfigPrefix.WithPrefix(connector.Values, property + ".", strip: false).Keys)
        {
            warnings.Add(new ConfigProblem(
                orphan,
                $"ignored: the connector does not set \"{property}\", so Kafka Connect configures the worker's converter from the worker's settings only"));
        }

        if (worker.Values.TryGetValue(property, out var workerClass))
        {
            return new ConverterSettings(property, workerClass.Trim(), ConfigPrefix.ForConverter(worker.Values, property), ConfigOrigin.Worker);
        }

        return property == ConnectConfigDefs.HeaderConverter
            ? new ConverterSettings(property, DefaultHeaderConverter, new ReadOnlyDictionary<string, string>(new Dictionary<string, string>()), ConfigOrigin.Default)
            : null;
    }

    private static bool IsConverterKey(string key) =>
        _converterProperties.Any(p => key == p || key.StartsWith(p + ".", StringComparison.Ordinal));
}
