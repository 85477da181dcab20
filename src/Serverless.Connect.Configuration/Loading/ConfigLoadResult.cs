namespace Serverless.Connect.Configuration.Loading;

/// <summary>The connectors and workers found in one or more configuration sources.</summary>
public sealed class ConfigLoadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="connectors">The connector configurations, in source order.</param>
    /// <param name="workers">The worker configurations, in source order.</param>
    /// <param name="warnings">All warnings, including those attached to individual configurations.</param>
    public ConfigLoadResult(IReadOnlyList<ConnectorConfig> connectors, IReadOnlyList<WorkerConfig> workers, IReadOnlyList<ConfigProblem> warnings)
    {
        Connectors = connectors;
        Workers = workers;
        Warnings = warnings;
    }

    /// <summary>The connector configurations.</summary>
    public IReadOnlyList<ConnectorConfig> Connectors { get; }

    /// <summary>The worker configurations.</summary>
    public IReadOnlyList<WorkerConfig> Workers { get; }

    /// <summary>Everything worth telling the user that did not stop loading.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; }

    /// <summary>The connector with this name, or null.</summary>
    /// <param name="name">The connector name.</param>
    /// <returns>The connector configuration.</returns>
    public ConnectorConfig? FindConnector(string name) =>
        Connectors.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The worker a connector runs on: the <c>KafkaConnect</c> named by its <c>strimzi.io/cluster</c> label, else the only
    /// worker loaded, else null (callers then use <see cref="WorkerConfig.CreateDefault"/>).
    /// </summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The worker configuration, or null.</returns>
    public WorkerConfig? FindWorker(ConnectorConfig connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (connector.ClusterName is not null)
        {
            var labelled = Workers.FirstOrDefault(w => string.Equals(w.Name, connector.ClusterName, StringComparison.Ordinal));
            if (labelled is not null)
            {
                return labelled;
            }
        }

        return Workers.Count == 1 ? Workers[0] : null;
    }
}
