using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Providers;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Errors;
using Serverless.Connect.Hosting.Kafka.Internal;

namespace Serverless.Connect.Hosting.Kafka;

/// <summary>The entry point of <c>./connect sink</c>: loads a connector (and worker) file and runs its sink task until stopped.</summary>
public static class SinkHost
{
    /// <summary>Exit code after a graceful stop.</summary>
    public const int Stopped = 0;

    /// <summary>Exit code when the task failed.</summary>
    public const int TaskFailed = 1;

    /// <summary>Exit code when the configuration cannot be used.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Runs the connector of <paramref name="configPath"/> until <paramref name="cancellationToken"/> is cancelled (SIGTERM).</summary>
    /// <param name="configPath">A connector file: Strimzi <c>KafkaConnector</c> YAML, REST JSON or properties.</param>
    /// <param name="workerPath">A worker file (Strimzi <c>KafkaConnect</c>, <c>connect-distributed.properties</c>), or null.</param>
    /// <param name="httpPort">Serves Connect's status endpoints on this port when set; a failed task stays visible there until stopped.</param>
    /// <param name="cancellationToken">Requests a graceful stop: finish the batch, commit, leave the group.</param>
    /// <returns><see cref="Stopped"/>, <see cref="TaskFailed"/> or <see cref="ConfigurationError"/>.</returns>
    public static Task<int> RunAsync(string configPath, string? workerPath, int? httpPort, CancellationToken cancellationToken) =>
        RunAsync(configPath, workerPath, httpPort, new SinkHostOptions(), Console.Error, cancellationToken);

    /// <summary>Runs the connector with explicit services.</summary>
    /// <param name="configPath">A connector file.</param>
    /// <param name="workerPath">A worker file, or null.</param>
    /// <param name="httpPort">The status port, or null.</param>
    /// <param name="options">Services and tuning.</param>
    /// <param name="error">Where configuration problems are written.</param>
    /// <param name="cancellationToken">Requests a graceful stop.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string configPath, string? workerPath, int? httpPort, SinkHostOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        StandaloneSinkHost host;
        try
        {
            host = StandaloneSinkHost.Create(Load(configPath, workerPath), options);
        }
        catch (Exception e) when (e is ConfigLoadException or ConfigValidationException or ConfigException or ConnectException or IOException)
        {
            await error.WriteLineAsync($"connect sink: {configPath}:").ConfigureAwait(false);
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ConfigurationError;
        }

        await using (host.ConfigureAwait(false))
        {
            var server = httpPort is { } port ? new StatusServer(host, port) : null;
            try
            {
                var status = await host.RunAsync(cancellationToken).ConfigureAwait(false);
                if (status.State != SinkTaskState.Failed)
                {
                    return Stopped;
                }

                await error.WriteLineAsync($"connect sink: task {host.ConnectorName}-0 failed:").ConfigureAwait(false);
                await error.WriteLineAsync(status.Trace).ConfigureAwait(false);
                if (server is not null)
                {
                    // Connect keeps a failed task visible as FAILED until someone restarts it.
                    await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                }

                return TaskFailed;
            }
            finally
            {
                if (server is not null)
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Loads, resolves and merges the connector configuration as the host would run it.</summary>
    /// <param name="configPath">A connector file.</param>
    /// <param name="workerPath">A worker file, or null (the connector file's own worker, or Strimzi's defaults).</param>
    /// <returns>The merged configuration, with <c>KAFKA_BOOTSTRAP_SERVERS</c> applied.</returns>
    /// <exception cref="ConfigException">The files do not hold exactly one connector (and one worker), or a reference cannot be resolved.</exception>
    public static EffectiveConnectorConfig Load(string configPath, string? workerPath)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        var loader = new ConnectConfigLoader();
        var loaded = loader.Load(configPath);
        if (loaded.Connectors.Count != 1)
        {
            throw new ConfigException($"{configPath} holds {loaded.Connectors.Count} connectors; give a file with exactly one.");
        }

        var connector = loaded.Connectors[0];
        var worker = loaded.FindWorker(connector);
        if (workerPath is not null)
        {
            var workers = loader.Load(workerPath).Workers;
            worker = workers.Count == 1 ? workers[0] : throw new ConfigException($"{workerPath} holds {workers.Count} workers; give a file with exactly one.");
        }

        worker = worker?.WithEnvironmentOverrides(SystemEnvironmentVariables.Instance);
        var resolution = new ConfigResolver(ConfigProviders.FromWorkerConfig(worker?.Values)).Resolve(connector.Values);
        if (!resolution.IsSuccess)
        {
            throw new ConfigException(string.Join(Environment.NewLine, resolution.Errors));
        }

        return ConnectorConfigMerger.Merge(connector.WithValues(resolution.Values), worker);
    }
}
