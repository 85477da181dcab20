using Serverless.Connect.Configuration;

namespace Serverless.Connect.Deployment;

/// <summary>A connector to deploy, with the worker it runs on and the text that is mounted into its pod.</summary>
/// <param name="Config">The loaded connector (config provider references unresolved).</param>
/// <param name="Role">Source or sink.</param>
/// <param name="Worker">Its worker.</param>
/// <param name="Annotations">The resource's <c>metadata.annotations</c> (Strimzi YAML only).</param>
/// <param name="FileName">The file name it is mounted under (<c>NAME.yaml</c>, <c>NAME.json</c>, <c>NAME.properties</c>).</param>
/// <param name="Text">The source text.</param>
public sealed record DeployedConnector(
    ConnectorConfig Config,
    ConnectorRole Role,
    DeployedWorker Worker,
    IReadOnlyDictionary<string, string> Annotations,
    string FileName,
    string Text);
