using System.CommandLine;

namespace Serverless.Connect.Cli.Commands;

/// <summary>The options shared by the long-running verbs: <c>--config FILE [--worker FILE] [--http-port P]</c>.</summary>
internal sealed class ServiceOptions
{
    public Option<FileSystemInfo> Config { get; } = new("--config")
    {
        Description = "Connector config: Strimzi KafkaConnector YAML, Connect REST JSON or .properties (a file, or a directory of them).",
        Required = true,
    };

    public Option<FileInfo?> Worker { get; } = new("--worker")
    {
        Description = "Worker config: Strimzi KafkaConnect YAML or connect-distributed.properties.",
    };

    public Option<int?> HttpPort { get; } = new("--http-port")
    {
        Description = "Serve Kafka Connect's REST status endpoints on 127.0.0.1:P.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Worker);
        command.Options.Add(HttpPort);
    }
}
