using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Serverless.Connect.Kafka.Mock;

namespace Serverless.Connect.Cli.Commands;

/// <summary><c>./connect kafka</c>: hosts the embedded Kafka-protocol cluster until SIGTERM or SIGINT.</summary>
internal static class KafkaCommand
{
    public static Command Create()
    {
        var brokers = new Option<int>("--brokers")
        {
            Description = "Number of mock brokers.",
            DefaultValueFactory = _ => 3,
        };
        var topics = new Option<string[]>("--topic")
        {
            Description = "Create a topic up front, as NAME or NAME:PARTITIONS (repeatable). Other topics are auto-created on first use.",
            AllowMultipleArgumentsPerToken = false,
        };
        var controlPort = new Option<int?>("--control-port")
        {
            Description = "Also serve an HTTP control port on 127.0.0.1 (topic creation and fault injection; see docs/architecture.md).",
        };
        var command = new Command("kafka", "Host an embedded Kafka-protocol cluster (librdkafka mock brokers) on 127.0.0.1.")
        {
            brokers,
            topics,
            controlPort,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(brokers), parse.GetValue(topics) ?? [], parse.GetValue(controlPort), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int brokerCount, string[] topicSpecs, int? controlPort, CancellationToken cancellationToken)
    {
        if (brokerCount is < 1 or > 32)
        {
            await Console.Error.WriteLineAsync("connect kafka: --brokers must be between 1 and 32.").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        var badTopic = Array.Find(topicSpecs, s => !TryParseTopic(s, out _, out _));
        if (badTopic is not null)
        {
            await Console.Error.WriteLineAsync($"connect kafka: --topic '{badTopic}' is not NAME or NAME:PARTITIONS.").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SIGTERM and SIGINT both mean a clean shutdown with exit code 0.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });

        using var cluster = MockKafkaCluster.Start(brokerCount);
        foreach (var spec in topicSpecs)
        {
            TryParseTopic(spec, out var name, out var partitions);
            cluster.CreateTopic(name, partitions, Math.Min(3, brokerCount));
        }

        await using var control = controlPort is { } port ? new KafkaControlServer(cluster, port) : null;

        // The first stdout line is a contract other tools read; it must be flushed at once.
        var stdout = Console.Out;
        await stdout.WriteLineAsync($"bootstrap.servers={cluster.BootstrapServers}").ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static bool TryParseTopic(string spec, out string name, out int partitions)
    {
        var colon = spec.LastIndexOf(':');
        name = colon < 0 ? spec : spec[..colon];
        partitions = 1;
        if (name.Length == 0)
        {
            return false;
        }

        return colon < 0 || (int.TryParse(spec[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out partitions) && partitions > 0);
    }
}
