using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Deployment;

/// <summary>
/// Everything in a config directory that deployment artifacts are generated from: connectors (classified as CDC
/// sources or sinks), the workers they run on, and the partition counts of Strimzi <c>KafkaTopic</c> resources.
/// </summary>
public sealed class ConnectorInventory
{
    private ConnectorInventory(IReadOnlyList<DeployedConnector> connectors, IReadOnlyDictionary<string, int> topicPartitions, IReadOnlyList<ConfigProblem> warnings)
    {
        Connectors = connectors;
        TopicPartitions = topicPartitions;
        Warnings = warnings;
    }

    /// <summary>The connectors, ordered by name.</summary>
    public IReadOnlyList<DeployedConnector> Connectors { get; }

    /// <summary>Partition counts from <c>KafkaTopic</c> resources (<c>spec.topicName</c> or <c>metadata.name</c>).</summary>
    public IReadOnlyDictionary<string, int> TopicPartitions { get; }

    /// <summary>Loader warnings worth showing.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; }

    /// <summary>The distinct workers the connectors run on, ordered by file name.</summary>
    public IReadOnlyList<DeployedWorker> Workers =>
        [.. Connectors.Select(c => c.Worker).DistinctBy(w => w.FileName).OrderBy(w => w.FileName, StringComparer.Ordinal)];

    /// <summary>Loads a directory. The process environment is ignored (no <c>KAFKA_BOOTSTRAP_SERVERS</c> override) so output depends on the files only.</summary>
    /// <param name="directory">The config directory.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="ConfigLoadException">A file is malformed.</exception>
    /// <exception cref="ConfigException">A connector cannot be deployed (unknown class, no worker, ambiguous text).</exception>
    public static ConnectorInventory Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var loaded = new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).LoadDirectory(directory);
        var documents = ResourceDocuments.Read(directory);
        var topics = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, partitions) in documents.TopicPartitions)
        {
            topics[name] = partitions;
        }

        var workers = new Dictionary<WorkerConfig, DeployedWorker>(ReferenceEqualityComparer.Instance);
        var connectors = new List<DeployedConnector>();
        foreach (var connector in loaded.Connectors.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var role = ConnectorClasses.RoleOf(connector.ConnectorClass)
                ?? throw new ConfigException(
                    $"connector {connector.Name}: connector.class {connector.ConnectorClass} cannot be deployed here; supported: "
                    + $"{ConnectorClasses.PostgresSource}, {ConnectorClasses.ElasticsearchSink}, {ConnectorClasses.S3Sink}.")
                { Key = ConnectorConfig.ConnectorClassKey };
            var worker = loaded.FindWorker(connector)
                ?? throw new ConfigException(
                    $"connector {connector.Name}: no worker config found (a KafkaConnect named by its strimzi.io/cluster label, or the only one in {directory}); "
                    + "the bootstrap servers and client security come from it.");
            if (!workers.TryGetValue(worker, out var deployedWorker))
            {
                var workerFile = worker.SourceFile ?? throw new ConfigException($"worker {worker.Name}: no source file");
                deployedWorker = new DeployedWorker(worker, Path.GetFileName(workerFile), documents.TextOf(workerFile, "KafkaConnect", worker.Name));
                workers[worker] = deployedWorker;
            }

            var file = connector.SourceFile ?? throw new ConfigException($"connector {connector.Name}: no source file");
            connectors.Add(new DeployedConnector(
                connector,
                role,
                deployedWorker,
                documents.AnnotationsOf(connector.Name),
                connector.Name + Path.GetExtension(file),
                documents.TextOf(file, "KafkaConnector", connector.Name)));
        }

        // The loader warns about every KafkaTopic it skips; here those are expected input.
        var warnings = loaded.Warnings.Where(w => !w.Message.Contains("KafkaTopic", StringComparison.Ordinal)).ToList();
        return new ConnectorInventory(connectors, topics, warnings);
    }
}
