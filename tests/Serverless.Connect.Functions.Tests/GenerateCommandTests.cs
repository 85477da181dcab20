using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Functions.Tests;

/// <summary><c>./connect generate functions</c> end to end: files written, exit codes, messages.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sc-generate-cli-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task GeneratesTheSeedApp_ListingTheFilesAndTheSkippedConnectors()
    {
        var (exit, stdout, stderr) = await ConnectProcess.RunAsync(
            ["generate", "functions", "--config", Path.Combine(RepositoryPaths.Root, "examples", "connectors"), "--out", _out]);

        Assert.Equal(0, exit);
        Assert.Contains(Path.Combine(_out, "elasticsearch-sink-orders/function.json"), stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_out, "host.json"), stdout, StringComparison.Ordinal);
        Assert.Contains("skipped postgres-source: not a sink connector", stderr, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "elasticsearch-sink-orders", "function.json")),
            File.ReadAllText(Path.Combine(_out, "elasticsearch-sink-orders", "function.json")));
    }

    [Fact]
    public async Task MissingConfig_IsAUsageError()
    {
        var (exit, _, stderr) = await ConnectProcess.RunAsync(["generate", "functions", "--config", _out + "-missing", "--out", _out]);

        Assert.Equal(2, exit);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinkTheTriggerCannotRun_IsAConfigErrorNamingTheConnector()
    {
        Directory.CreateDirectory(_out);
        var config = Path.Combine(_out, "regex.yaml");
        await File.WriteAllTextAsync(config, """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata:
              name: by-pattern
            spec:
              class: io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
              config:
                topics.regex: "orders.*"
                connection.url: http://es:9200
            """);

        var (exit, _, stderr) = await ConnectProcess.RunAsync(["generate", "functions", "--config", config, "--out", Path.Combine(_out, "app")]);

        Assert.Equal(2, exit);
        Assert.Contains("connector by-pattern: topics.regex cannot run under the Functions Kafka trigger", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "app", "host.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
