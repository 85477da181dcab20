using Serverless.Connect.Kafka.Lag;

namespace Serverless.Connect.Cli.Commands;

/// <summary>The parsed flags of <c>./connect lag</c>.</summary>
internal sealed record LagArguments(
    string? BootstrapServers,
    string Group,
    string? Topic,
    KafkaScalerOptions Options,
    double? WatchSeconds = null,
    double TimeoutSeconds = 10,
    bool Json = false);
