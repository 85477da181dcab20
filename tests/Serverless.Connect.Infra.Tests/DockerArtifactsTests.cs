using Serverless.Connect.TestUtilities;
using YamlDotNet.RepresentationModel;

namespace Serverless.Connect.Infra.Tests;

/// <summary>
/// Static checks of the Dockerfiles and the compose file. CI has no Docker: building the images and starting the
/// stack are not exercised here (see infra/README.md).
/// </summary>
public sealed class DockerArtifactsTests
{
    private static readonly string s_compose = Path.Combine(InfraPaths.Local, "docker-compose.yml");

    [Fact]
    public void The_compose_stack_has_logical_postgres_kraft_kafka_elasticsearch_minio_and_azurite()
    {
        var services = YamlDocuments.Load(s_compose).Single().Map("services");
        var names = services.Children.Keys.Select(k => k.ToString()).ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "kafka", "elasticsearch", "minio", "azurite" }, names);

        var postgres = services.Map("postgres");
        Assert.Contains("wal_level=logical", postgres.List("command").Children.Select(c => c.ToString()));
        var kafka = services.Map("kafka").Map("environment");
        Assert.Equal("broker,controller", kafka.Text("KAFKA_PROCESS_ROLES"));
        Assert.Contains("CONTROLLER", kafka.Text("KAFKA_CONTROLLER_LISTENER_NAMES"), StringComparison.Ordinal);
        Assert.DoesNotContain(kafka.Children.Keys, k => k.ToString().Contains("ZOOKEEPER", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_host_path_the_compose_file_mounts_exists()
    {
        var services = YamlDocuments.Load(s_compose).Single().Map("services");
        var checkedPaths = 0;
        foreach (var service in services.Children.Values.Cast<YamlMappingNode>())
        {
            if (service.Find("volumes") is not YamlSequenceNode volumes)
            {
                continue;
            }

            foreach (var volume in volumes.Children.Select(v => v.ToString()).Where(v => v.StartsWith('.')))
            {
                var host = Path.GetFullPath(Path.Combine(InfraPaths.Local, volume.Split(':')[0]));
                Assert.True(File.Exists(host) || Directory.Exists(host), $"{volume}: {host} does not exist");
                checkedPaths++;
            }
        }

        Assert.True(checkedPaths >= 3);
    }

    [Fact]
    public void The_sink_host_image_runs_the_cli_as_a_numeric_non_root_user()
    {
        var lines = DockerfileLines(Path.Combine(RepositoryPaths.Root, "infra", "docker", "sink-host.Dockerfile"));
        var final = FinalStage(lines);
        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user} must be a non-zero number");
        Assert.Contains(final, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("connect.dll", StringComparison.Ordinal));
        var publish = Assert.Single(lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("src/Serverless.Connect.Cli/Serverless.Connect.Cli.csproj", publish, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "src", "Serverless.Connect.Cli", "Serverless.Connect.Cli.csproj")));
    }

    [Fact]
    public void The_functions_image_is_the_functions_host_with_a_self_contained_handler_in_bin()
    {
        var lines = DockerfileLines(Path.Combine(RepositoryPaths.Root, "functions", "Dockerfile"));
        var final = FinalStage(lines);
        Assert.StartsWith("FROM mcr.microsoft.com/azure-functions/", final[0], StringComparison.Ordinal);
        Assert.Contains(final, l => l.Contains("FUNCTIONS_WORKER_RUNTIME=custom", StringComparison.Ordinal));
        var publish = Assert.Single(lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("functions/Serverless.Connect.Functions/Serverless.Connect.Functions.csproj", publish, StringComparison.Ordinal);
        Assert.Contains("--self-contained true", publish, StringComparison.Ordinal);
        Assert.Contains("-o /out/bin", publish, StringComparison.Ordinal);
    }

    // Continuation lines joined, comments dropped.
    private static List<string> DockerfileLines(string path)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                lines.Add(System.Text.RegularExpressions.Regex.Replace(current, @"\s+", " "));
                current = string.Empty;
            }
        }

        return lines;
    }

    private static List<string> FinalStage(List<string> lines) =>
        lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();
}
