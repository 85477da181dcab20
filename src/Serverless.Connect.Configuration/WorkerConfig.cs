using System.Collections.ObjectModel;

namespace Serverless.Connect.Configuration;

/// <summary>A Kafka Connect worker configuration (Strimzi <c>KafkaConnect</c> or <c>connect-distributed.properties</c>).</summary>
public sealed record WorkerConfig
{
    /// <summary>The <c>bootstrap.servers</c> key.</summary>
    public const string BootstrapServersKey = "bootstrap.servers";

    /// <summary>The environment variable that overrides <c>bootstrap.servers</c> wherever the worker config came from.</summary>
    public const string BootstrapServersEnvironmentVariable = "KAFKA_BOOTSTRAP_SERVERS";

    /// <summary>The defaults Strimzi sets on a <c>KafkaConnect</c> when <c>spec.config</c> does not.</summary>
    public static IReadOnlyDictionary<string, string> StrimziDefaults { get; } = new ReadOnlyDictionary<string, string>(
        new OrderedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["group.id"] = "connect-cluster",
            ["offset.storage.topic"] = "connect-cluster-offsets",
            ["config.storage.topic"] = "connect-cluster-configs",
            ["status.storage.topic"] = "connect-cluster-status",
            ["key.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
        });

    /// <summary>The worker name (Strimzi <c>metadata.name</c>, or the file name), or null.</summary>
    public string? Name { get; init; }

    /// <summary>All worker settings in source order, including <c>bootstrap.servers</c> when known.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>The file the configuration came from, or null.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The notation the configuration was written in.</summary>
    public ConfigSourceKind SourceKind { get; init; } = ConfigSourceKind.Programmatic;

    /// <summary>Problems found while loading that did not stop it.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; init; } = [];

    /// <summary>The Kafka bootstrap servers, or null when unknown.</summary>
    public string? BootstrapServers => Values.GetValueOrDefault(BootstrapServersKey);

    /// <summary>One value, or null when absent.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The raw string value.</returns>
    public string? this[string key] => Values.GetValueOrDefault(key);

    /// <summary>The worker used when none was supplied: Strimzi's defaults plus <c>KAFKA_BOOTSTRAP_SERVERS</c>.</summary>
    /// <param name="environment">The environment; the process environment when null.</param>
    /// <returns>The default worker configuration.</returns>
    public static WorkerConfig CreateDefault(IEnvironmentVariables? environment = null) =>
        new WorkerConfig { Name = null, Values = StrimziDefaults }.WithEnvironmentOverrides(environment ?? SystemEnvironmentVariables.Instance);

    /// <summary>Builds a worker configuration from a flat map.</summary>
    /// <param name="values">The settings.</param>
    /// <param name="name">The worker name, or null.</param>
    /// <returns>The worker configuration (no environment overrides applied).</returns>
    public static WorkerConfig FromValues(IEnumerable<KeyValuePair<string, string>> values, string? name = null)
    {
        var ordered = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            ordered[key] = value;
        }

        return new WorkerConfig { Name = name, Values = new ReadOnlyDictionary<string, string>(ordered) };
    }

    /// <summary>Applies <c>KAFKA_BOOTSTRAP_SERVERS</c>, which wins over any configured <c>bootstrap.servers</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>This configuration, or a copy with the override applied.</returns>
    public WorkerConfig WithEnvironmentOverrides(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var servers = environment.Get(BootstrapServersEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(servers))
        {
            return this;
        }

        var ordered = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Values)
        {
            ordered[key] = value;
        }

        var warnings = Warnings;
        if (ordered.TryGetValue(BootstrapServersKey, out var configured) && !string.Equals(configured, servers.Trim(), StringComparison.Ordinal))
        {
            warnings = [.. Warnings, new ConfigProblem(BootstrapServersKey, $"overridden by the {BootstrapServersEnvironmentVariable} environment variable")];
        }

        ordered[BootstrapServersKey] = servers.Trim();
        return this with { Values = new ReadOnlyDictionary<string, string>(ordered), Warnings = warnings };
    }
}
