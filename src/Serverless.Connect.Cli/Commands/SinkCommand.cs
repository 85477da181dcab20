using System.CommandLine;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Hosting.Kafka;

namespace Serverless.Connect.Cli.Commands;

/// <summary><c>./connect sink</c>: runs a sink connector as a Kafka consumer group (what the KEDA-scaled container runs).</summary>
internal static class SinkCommand
{
    public static Command Create()
    {
        var options = new ServiceOptions();
        var command = new Command("sink", "Run a sink connector as a standalone Kafka consumer group (group connect-<name>).");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var signals = new ServiceSignals(cancellationToken);
            if (!await ConfigPreflight.CheckAsync("sink", parse.GetValue(options.Config)!.FullName, null, Console.Error, signals.Token).ConfigureAwait(false))
            {
                return SinkHost.ConfigurationError;
            }

            // The same stderr logger as ./connect cdc (CDC_LOG_LEVEL, CDC_LOG_FORMAT=json), so the host's retries,
            // redeliveries and rebalances are visible in the container log.
            using var logging = ConsoleLoggerFactory.Create();
            return await SinkHost.RunAsync(
                parse.GetValue(options.Config)!.FullName,
                parse.GetValue(options.Worker)?.FullName,
                parse.GetValue(options.HttpPort),
                new SinkHostOptions { LoggerFactory = logging },
                Console.Error,
                signals.Token).ConfigureAwait(false);
        });
        return command;
    }
}
