using System.CommandLine;
using Serverless.Connect.CdcReader;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Configuration;
using Serverless.Connect.Errors;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.Cli.Commands;

/// <summary><c>./connect cdc</c>: runs the cdc-reader (the same program as the container) in the foreground.</summary>
internal static class CdcCommand
{
    public static Command Create()
    {
        var options = new ServiceOptions();
        var command = new Command("cdc", "Run the CDC reader: PostgreSQL logical replication to Kafka as Debezium events (one slot per connector).");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var signals = new ServiceSignals(cancellationToken);
            // A config directory may hold sink connectors too; only the PostgreSQL sources are the reader's to check.
            if (!await ConfigPreflight.CheckAsync(
                "cdc",
                parse.GetValue(options.Config)!.FullName,
                c => c.ConnectorClass == PostgresConnectorConfigDef.ConnectorClass && c.State == ConnectorState.Running,
                Console.Error,
                signals.Token).ConfigureAwait(false))
            {
                return ConnectCommandLine.UsageError;
            }

            try
            {
                using var logging = ConsoleLoggerFactory.Create();
                return await CdcReaderHost.RunAsync(
                    parse.GetValue(options.Config)!.FullName,
                    parse.GetValue(options.Worker)?.FullName,
                    parse.GetValue(options.HttpPort),
                    signals.Token,
                    logging).ConfigureAwait(false);
            }
            catch (ConnectException e)
            {
                await Console.Error.WriteLineAsync($"connect cdc: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (System.Net.HttpListenerException e)
            {
                await Console.Error.WriteLineAsync($"connect cdc: --http-port {parse.GetValue(options.HttpPort)}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
