using Serverless.Connect.Configuration;

namespace Serverless.Connect.Cli.Records;

/// <summary>The connectors of a <c>--config</c> file (a fragment becomes one synthetic connector), with the loader's warnings.</summary>
/// <param name="Connectors">The connectors and the worker each runs on (null for the default worker).</param>
/// <param name="IsFragment">Whether the file was a partial configuration rather than a connector.</param>
/// <param name="Warnings">Problems that did not stop loading.</param>
internal sealed record LoadedConfig(
    IReadOnlyList<(ConnectorConfig Connector, WorkerConfig? Worker)> Connectors, bool IsFragment, IReadOnlyList<ConfigProblem> Warnings)
{
    /// <summary>Gets the workers of a file that holds workers only (a Strimzi <c>KafkaConnect</c>, <c>connect-distributed.properties</c>).</summary>
    public IReadOnlyList<WorkerConfig> Workers { get; init; } = [];
}
