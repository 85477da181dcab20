using System.Collections.ObjectModel;
using System.Globalization;

namespace Serverless.Connect.Configuration;

/// <summary>One connector's configuration as Kafka Connect would hold it: a flat, ordered map of strings.</summary>
/// <remarks>
/// <see cref="Values"/> always contains <c>name</c> and <c>connector.class</c>, and <c>tasks.max</c> when it was given,
/// so the whole map can be validated against the Connect-level <c>ConfigDef</c>. Config provider references such as
/// <c>${secrets:postgres:password}</c> are kept unresolved, as Connect stores them.
/// </remarks>
public sealed record ConnectorConfig
{
    /// <summary>The <c>name</c> key.</summary>
    public const string NameKey = "name";

    /// <summary>The <c>connector.class</c> key.</summary>
    public const string ConnectorClassKey = "connector.class";

    /// <summary>The <c>tasks.max</c> key.</summary>
    public const string TasksMaxKey = "tasks.max";

    /// <summary>The connector name (Strimzi <c>metadata.name</c> or the <c>name</c> key).</summary>
    public required string Name { get; init; }

    /// <summary>The connector class or alias as written, for example <c>io.debezium.connector.postgresql.PostgresConnector</c>.</summary>
    public required string ConnectorClass { get; init; }

    /// <summary>The requested maximum number of tasks; null when not given (Connect's default is 1) or not a number.</summary>
    public int? TasksMax { get; init; }

    /// <summary>All configuration entries in source order.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>The file the configuration came from, or null.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The notation the configuration was written in.</summary>
    public ConfigSourceKind SourceKind { get; init; } = ConfigSourceKind.Programmatic;

    /// <summary>The requested target state.</summary>
    public ConnectorState State { get; init; } = ConnectorState.Running;

    /// <summary>The Strimzi <c>strimzi.io/cluster</c> label: the name of the <c>KafkaConnect</c> this connector belongs to.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Problems found while loading that did not stop it.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; init; } = [];

    /// <summary>One value, or null when absent.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The raw string value.</returns>
    public string? this[string key] => Values.GetValueOrDefault(key);

    /// <summary>Builds a connector configuration from a flat map that contains <c>name</c> and <c>connector.class</c>.</summary>
    /// <param name="values">The configuration.</param>
    /// <returns>The connector configuration.</returns>
    /// <exception cref="ConfigException"><c>name</c> or <c>connector.class</c> is missing or blank.</exception>
    public static ConnectorConfig FromValues(IEnumerable<KeyValuePair<string, string>> values)
    {
        var ordered = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            ordered[key] = value;
        }

        var name = ordered.GetValueOrDefault(NameKey);
        var connectorClass = ordered.GetValueOrDefault(ConnectorClassKey);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigException($"Missing required configuration \"{NameKey}\" which has no default value.") { Key = NameKey };
        }

        if (string.IsNullOrWhiteSpace(connectorClass))
        {
            throw new ConfigException($"Missing required configuration \"{ConnectorClassKey}\" which has no default value.") { Key = ConnectorClassKey };
        }

        return new ConnectorConfig
        {
            Name = name.Trim(),
            ConnectorClass = connectorClass.Trim(),
            TasksMax = ParseTasksMax(ordered.GetValueOrDefault(TasksMaxKey)),
            Values = new ReadOnlyDictionary<string, string>(ordered),
        };
    }

    /// <summary>A copy with different values (for example after config providers were resolved).</summary>
    /// <param name="values">The new values.</param>
    /// <returns>The copy.</returns>
    public ConnectorConfig WithValues(IReadOnlyDictionary<string, string> values) => this with { Values = values };

    internal static int? ParseTasksMax(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tasks) ? tasks : null;
}
