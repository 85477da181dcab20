using System.CommandLine;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Functions.Generation;
using Serverless.Connect.Hosting.Kafka;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// <c>./connect generate functions --config DIR --out DIR</c>: the Azure Functions app for the sink connectors in DIR —
/// host.json, one kafkaTrigger function folder per sink connector and topic, and the connector files in <c>connectors/</c>.
/// </summary>
internal static class GenerateFunctionsCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Connector file or directory (KafkaConnector, KafkaConnect YAML; REST JSON; .properties).", Required = true };
        var outDir = new Option<string>("--out") { Description = "The Functions app root (host.json, function folders and connectors/ are replaced).", Required = true };
        var command = new Command("functions", "Azure Functions app: host.json and a kafkaTrigger function per sink connector and topic.") { config, outDir };
        command.SetAction((parse, _) => RunAsync(parse.GetValue(config)!, parse.GetValue(outDir)!, Console.Out, Console.Error));
        return command;
    }

    internal static async Task<int> RunAsync(string configPath, string outDir, TextWriter output, TextWriter error)
    {
        if (!File.Exists(configPath) && !Directory.Exists(configPath))
        {
            await error.WriteLineAsync($"connect generate functions: --config {configPath}: not found.").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        GenerationResult result;
        try
        {
            result = FunctionsGenerator.Generate(configPath, outDir, BuiltInSinks.Create().Contains);
        }
        catch (ConfigLoadException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync($"connect generate functions: {problem}").ConfigureAwait(false);
            }

            return ConnectCommandLine.UsageError;
        }
        catch (ConfigException e)
        {
            await error.WriteLineAsync($"connect generate functions: {e.Message}").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"connect generate functions: --out {outDir}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        foreach (var skipped in result.Layout.Skipped)
        {
            await error.WriteLineAsync($"skipped {skipped}").ConfigureAwait(false);
        }

        foreach (var file in result.Files)
        {
            await output.WriteLineAsync(Path.Combine(outDir, file)).ConfigureAwait(false);
        }

        return 0;
    }
}
