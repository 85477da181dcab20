using System.CommandLine;
using Serverless.Connect.Cli.Commands;

namespace Serverless.Connect.Cli;

/// <summary>Builds the verb tree of <c>./connect</c>. Exit codes: 0 success, 1 runtime failure, 2 usage error.</summary>
internal static class ConnectCommandLine
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Serverless.Connect: Kafka Connect-style pipelines without a Kafka Connect cluster.");
        root.Subcommands.Add(KafkaCommand.Create());
        root.Subcommands.Add(TransformCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(CdcCommand.Create());
        root.Subcommands.Add(SinkCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(LagCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"connect: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run './connect --help' for the list of verbs.").ConfigureAwait(false);
            return UsageError;
        }

        if (parse.CommandResult.Command == root && !args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            await Console.Error.WriteLineAsync("connect: a verb is required. Run './connect --help' for the list of verbs.").ConfigureAwait(false);
            return UsageError;
        }

        // Long-running verbs handle SIGTERM themselves (drain, commit, acknowledge); System.CommandLine's default would
        // end the process two seconds after the signal.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }
}
