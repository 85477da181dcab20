using System.CommandLine;
using Serverless.Connect.Cli.Plugins;
using Serverless.Connect.Cli.Records;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Plugins;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// <c>./connect validate --config FILE</c>: checks a connector file or config fragment the way Connect's
/// <c>config/validate</c> does. Problems go to stdout, one per line naming the key; warnings to stderr.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Connector file (KafkaConnector YAML, REST JSON, properties) or config fragment.", Required = true };
        var command = new Command("validate", "Validate a connector configuration or config fragment; exit 0 when valid.") { config };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static Task<int> RunAsync(string configPath, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(configPath, null, output, error, cancellationToken);

    // connectors: which connectors of the file to check (a service verb checks only those it runs); all when null.
    internal static async Task<int> RunAsync(
        string configPath, Func<ConnectorConfig, bool>? connectors, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(configPath) && !Directory.Exists(configPath))
        {
            await error.WriteLineAsync($"connect validate: --config {configPath}: file not found.").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        LoadedConfig loaded;
        try
        {
            loaded = ConfigFiles.Load(configPath);
        }
        catch (ConfigLoadException e)
        {
            foreach (var problem in e.Problems)
            {
                await output.WriteLineAsync(OneLine(problem.ToString()).AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return 1;
        }

        var registry = CliPlugins.Create(withFragment: loaded.IsFragment);
        var validator = new ConnectorConfigValidator(registry);
        var errors = 0;
        var warnings = new List<ConfigProblem>(loaded.Warnings);
        foreach (var (connector, worker) in loaded.Connectors)
        {
            if (connectors is not null && !connectors(connector))
            {
                continue;
            }

            var prefix = loaded.Connectors.Count > 1 ? connector.Name + ": " : string.Empty;
            var unresolved = new List<ConfigProblem>();
            var values = ConfigFiles.ResolveAll(connector.Values, worker, unresolved);
            warnings.AddRange(unresolved.Select(p => p with { Message = "not resolved here, validated as written: " + p.Message }));
            warnings.AddRange(connector.Warnings.Except(loaded.Warnings));
            var result = validator.Validate(values);
            warnings.AddRange(result.Warnings);
            warnings.AddRange(ConnectorConfigMerger.Merge(connector, worker).Warnings);
            foreach (var problem in result.Errors)
            {
                errors++;
                await output.WriteLineAsync(OneLine(prefix + Explain(problem, registry)).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var worker in loaded.Workers)
        {
            var prefix = loaded.Workers.Count > 1 ? (worker.Name ?? "worker") + ": " : string.Empty;
            var result = WorkerConfigDefs.CreateDistributed().Validate(ConfigFiles.ResolveAll(worker.Values, worker, []));
            warnings.AddRange(worker.Warnings);
            warnings.AddRange(result.Warnings);
            foreach (var problem in result.Errors)
            {
                errors++;
                await output.WriteLineAsync(OneLine(prefix + problem).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var warning in warnings.Distinct())
        {
            await error.WriteLineAsync($"warning: {warning}".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (errors > 0)
        {
            await error.WriteLineAsync($"connect validate: {configPath}: {errors} problem(s).".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    // One problem per line: multi-line messages (Java regex errors show the pattern below) are joined.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // Connect's "Class X could not be found." does not say what would be; list the registered alternatives.
    private static string Explain(ConfigProblem problem, PluginRegistry registry)
    {
        var text = problem.ToString();
        if (problem.Key is not { } key || !problem.Message.Contains("could not be found", StringComparison.Ordinal))
        {
            return text;
        }

        var (noun, kinds) = key switch
        {
            _ when key.StartsWith("transforms.", StringComparison.Ordinal) => ("transformations", new[] { PluginKind.Transformation }),
            _ when key.StartsWith("predicates.", StringComparison.Ordinal) => ("predicates", new[] { PluginKind.Predicate }),
            "header.converter" => ("header converters", new[] { PluginKind.HeaderConverter, PluginKind.Converter }),
            _ when key.EndsWith("converter", StringComparison.Ordinal) => ("converters", new[] { PluginKind.Converter }),
            _ => (null, Array.Empty<PluginKind>()),
        };
        return noun is null || text.Contains("Supported", StringComparison.Ordinal)
            ? text
            : $"{text} Supported {noun}: {string.Join(", ", registry.OfKind(kinds).Select(p => p.ClassName).Distinct().Order(StringComparer.Ordinal))}";
    }
}
