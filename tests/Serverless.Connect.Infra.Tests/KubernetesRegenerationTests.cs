using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Infra.Tests;

/// <summary>infra/k8s is exactly what <c>./connect generate k8s</c> makes of examples/connectors: any drift fails CI.</summary>
public sealed class KubernetesRegenerationTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sc-infra-k8s-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Theory]
    [InlineData("examples/connectors", "infra/k8s")]
    [InlineData("examples/connectors-sasl", "infra/k8s-sasl")]
    public async Task Committed_manifests_equal_a_fresh_generation_from_their_connectors(string config, string committed)
    {
        var expected = Path.Combine(RepositoryPaths.Root, committed);
        var (exit, stdout, stderr) = await ConnectProcess.RunAsync(
            ["generate", "k8s", "--config", Path.Combine(RepositoryPaths.Root, config), "--out", _out], timeout: TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, $"./connect generate k8s exited {exit}\n{stdout}\n{stderr}");

        var differences = Compare(expected, _out);
        if (differences.Count > 0)
        {
            var (_, diff, _) = await ProcessRunner.RunAsync("git", ["diff", "--no-index", "--no-color", expected, _out], RepositoryPaths.Root, TimeSpan.FromMinutes(1));
            Assert.Fail(
                $"{committed} is out of date ({string.Join(", ", differences)}). Regenerate with\n"
                + $"  ./connect generate k8s --config {config} --out {committed}\n" + diff);
        }
    }

    [Fact]
    public async Task A_missing_config_directory_is_a_usage_error()
    {
        var (exit, _, stderr) = await ConnectProcess.RunAsync(["generate", "k8s", "--config", _out + "-missing", "--out", _out]);
        Assert.Equal(2, exit);
        Assert.Contains("directory not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_connector_class_is_a_config_error_naming_the_connector()
    {
        var config = Directory.CreateDirectory(_out + "-config").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(config, "jdbc.yaml"), """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata:
                  name: jdbc-sink
                spec:
                  class: io.confluent.connect.jdbc.JdbcSinkConnector
                  config:
                    topics: orders
                """);
            var (exit, _, stderr) = await ConnectProcess.RunAsync(["generate", "k8s", "--config", config, "--out", _out]);
            Assert.Equal(2, exit);
            Assert.Contains("jdbc-sink", stderr, StringComparison.Ordinal);
            Assert.Contains("JdbcSinkConnector", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_out) && Directory.EnumerateFiles(_out).Any(), "nothing may be written on a config error");
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    private static List<string> Compare(string expectedDir, string actualDir)
    {
        var expected = Directory.EnumerateFiles(expectedDir, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.EnumerateFiles(actualDir, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var differences = new List<string>();
        differences.AddRange(expected.Except(actual).Select(f => $"{f} is no longer generated"));
        differences.AddRange(actual.Except(expected).Select(f => $"{f} is missing"));
        foreach (var file in expected.Intersect(actual))
        {
            if (File.ReadAllText(Path.Combine(expectedDir, file!)) != File.ReadAllText(Path.Combine(actualDir, file!)))
            {
                differences.Add($"{file} differs");
            }
        }

        return differences;
    }
}
