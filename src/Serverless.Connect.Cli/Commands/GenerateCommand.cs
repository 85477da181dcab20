using System.CommandLine;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Deployment;
using Serverless.Connect.Deployment.Kubernetes;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// <c>./connect generate k8s --config DIR --out DIR</c>: deployment artifacts from connector YAML. Other generators
/// (<c>functions</c>) are added as subcommands in <see cref="Create"/>.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Generate deployment artifacts from connector configs.");
        command.Subcommands.Add(CreateKubernetes());
        command.Subcommands.Add(GenerateFunctionsCommand.Create());
        return command;
    }

    internal static async Task<int> RunKubernetesAsync(string configDir, string outDir, KubernetesOptions options, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(configDir))
        {
            await error.WriteLineAsync($"connect generate k8s: --config {configDir}: directory not found.").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        IReadOnlyList<GeneratedFile> files;
        var warnings = new List<ConfigProblem>();
        try
        {
            var inventory = ConnectorInventory.Load(configDir);
            warnings.AddRange(inventory.Warnings);
            files = KubernetesManifestGenerator.Generate(inventory, options, warnings);
        }
        catch (ConfigLoadException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync($"connect generate k8s: {problem}").ConfigureAwait(false);
            }

            return ConnectCommandLine.UsageError;
        }
        catch (ConfigException e)
        {
            await error.WriteLineAsync($"connect generate k8s: {e.Message}").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        foreach (var warning in warnings.Distinct())
        {
            await error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        try
        {
            Directory.CreateDirectory(outDir);
            // Files generated before for connectors that are gone would otherwise linger and still be applied.
            foreach (var stale in Directory.EnumerateFiles(outDir, "*.yaml").Where(IsGenerated))
            {
                if (!files.Any(f => Path.GetFullPath(Path.Combine(outDir, f.RelativePath)) == Path.GetFullPath(stale)))
                {
                    File.Delete(stale);
                }
            }

            foreach (var file in files)
            {
                var path = Path.Combine(outDir, file.RelativePath);
                await File.WriteAllTextAsync(path, file.Content).ConfigureAwait(false);
                await output.WriteLineAsync(path).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"connect generate k8s: --out {outDir}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private static Command CreateKubernetes()
    {
        var config = new Option<string>("--config") { Description = "Directory of connector configs (KafkaConnector, KafkaConnect, KafkaTopic YAML; REST JSON; .properties).", Required = true };
        var outDir = new Option<string>("--out") { Description = "Output directory for the manifests (generated files there are replaced).", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "Namespace written into every resource (default: none, use kubectl -n or kustomize)." };
        var cdcImage = new Option<string?>("--cdc-image") { Description = "cdc-reader image (default serverless-connect/cdc-reader:latest)." };
        var sinkImage = new Option<string?>("--sink-image") { Description = "Sink host image (default serverless-connect/sink-host:latest)." };
        var command = new Command("k8s", "Kubernetes manifests: the cdc-reader Deployment and, per sink, a Deployment with a KEDA ScaledObject.")
        {
            config, outDir, ns, cdcImage, sinkImage,
        };
        command.SetAction((parse, _) =>
        {
            var defaults = new KubernetesOptions();
            var options = defaults with
            {
                Namespace = parse.GetValue(ns),
                CdcReaderImage = parse.GetValue(cdcImage) ?? defaults.CdcReaderImage,
                SinkImage = parse.GetValue(sinkImage) ?? defaults.SinkImage,
            };
            return RunKubernetesAsync(parse.GetValue(config)!, parse.GetValue(outDir)!, options, Console.Out, Console.Error);
        });
        return command;
    }

    private static bool IsGenerated(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine() == KubernetesManifestGenerator.HeaderLine;
    }
}
