using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Providers;
using Serverless.Connect.Errors;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.CdcReader;

/// <summary>Entry point of the CDC reader: loads connector configs and runs every PostgresConnector among them.</summary>
public static class CdcReaderHost
{
    /// <summary>Loads the configuration and runs its PostgreSQL connectors until cancelled.</summary>
    /// <param name="configPath">A connector file (Strimzi KafkaConnector YAML, REST JSON, properties) or a directory of them.</param>
    /// <param name="workerPath">An optional worker config (KafkaConnect YAML or connect-distributed.properties).</param>
    /// <param name="httpPort">An optional port for the status API, <c>GET /health</c> and <c>GET /metrics</c> (all interfaces).</param>
    /// <param name="cancellationToken">Stops every connector gracefully.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>0 when every connector stopped cleanly, 1 when one failed.</returns>
    public static async Task<int> RunAsync(
        string configPath, string? workerPath, int? httpPort, CancellationToken cancellationToken, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        var logger = factory.CreateLogger(typeof(CdcReaderHost));
        var connectors = LoadConnectors(configPath, workerPath, factory);
        using var metrics = httpPort is null ? null : new CdcMetricsExporter(connectors, TimeProvider.System);
        using var status = httpPort is { } port ? StatusServer.Start(port, connectors, metrics!) : null;
        await using var slots = httpPort is null ? null : new SlotMonitor(connectors, logger, TimeProvider.System);
        var runs = connectors.Select(c => RunOneAsync(c, logger, cancellationToken)).ToList();
        var results = await Task.WhenAll(runs).ConfigureAwait(false);
        return results.All(ok => ok) ? 0 : 1;
    }

    /// <summary>Loads, merges, resolves and validates every PostgresConnector in <paramref name="configPath"/>.</summary>
    /// <param name="configPath">The connector config file or directory.</param>
    /// <param name="workerPath">The optional worker config.</param>
    /// <param name="loggerFactory">The connectors' logger factory.</param>
    /// <returns>One connector per PostgresConnector config.</returns>
    /// <exception cref="ConnectException">No PostgresConnector was found or a config is invalid.</exception>
    public static IReadOnlyList<CdcConnector> LoadConnectors(string configPath, string? workerPath, ILoggerFactory? loggerFactory = null)
    {
        var loader = new ConnectConfigLoader();
        var loaded = loader.Load(configPath);
        var worker = workerPath is null ? null : loader.Load(workerPath).Workers.FirstOrDefault();
        var registry = PostgresConnectorConfigDef.Register(new PluginRegistry());
        var result = new List<CdcConnector>();
        foreach (var connector in loaded.Connectors)
        {
            if (registry.Find(connector.ConnectorClass, PluginKind.Source) is null || connector.State != ConnectorState.Running)
            {
                continue;
            }

            var effective = ConnectorConfigMerger.Merge(connector, worker ?? loaded.FindWorker(connector));
            var resolver = new ConfigResolver(ConfigProviders.FromWorkerConfig(effective.Worker.Values));
            var values = resolver.Resolve(effective.Values).EnsureSuccess();
            result.Add(new CdcConnector(effective with { Values = values }, loggerFactory));
        }

        if (result.Count == 0)
        {
            throw new ConnectException($"No running {PostgresConnectorConfigDef.ConnectorClass} configuration found in {configPath}");
        }

        return result;
    }

    private static async Task<bool> RunOneAsync(CdcConnector connector, ILogger logger, CancellationToken cancellationToken)
    {
        Log.Starting(logger, connector.Source.Config.Name);
        try
        {
            await connector.RunAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is ConnectException or Npgsql.NpgsqlException or Confluent.Kafka.KafkaException)
        {
            Log.ConnectorFailed(logger, connector.Source.Config.Name, e);
            return false;
        }
    }
}
