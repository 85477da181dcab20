using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class BootstrapServersOverrideTests
{
    private static readonly DictionaryEnvironmentVariables _environment = new([new("KAFKA_BOOTSTRAP_SERVERS", " override:9092 ")]);

    [Fact]
    public void KafkaConnectYaml_IsOverridden()
    {
        var worker = Assert.Single(new ConnectConfigLoader(_environment).LoadFile(TestPaths.Seed("kafka-connect.yaml")).Workers);

        Assert.Equal("override:9092", worker.BootstrapServers);
        Assert.Contains(worker.Warnings, w => w.Key == "bootstrap.servers" && w.Message.Contains("KAFKA_BOOTSTRAP_SERVERS", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkerProperties_AreOverridden()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("worker.properties", "bootstrap.servers=file:9092\ngroup.id=g\n");

        Assert.Equal("override:9092", new ConnectConfigLoader(_environment).LoadWorkerProperties(path).BootstrapServers);
        Assert.Equal("file:9092", new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).LoadWorkerProperties(path).BootstrapServers);
    }

    [Fact]
    public void DefaultWorker_TakesTheVariable()
    {
        Assert.Equal("override:9092", WorkerConfig.CreateDefault(_environment).BootstrapServers);
        Assert.Null(WorkerConfig.CreateDefault(DictionaryEnvironmentVariables.Empty).BootstrapServers);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", WorkerConfig.CreateDefault(_environment)["key.converter"]);
    }

    [Fact]
    public void BlankVariable_IsIgnored()
    {
        var blank = new DictionaryEnvironmentVariables([new("KAFKA_BOOTSTRAP_SERVERS", "  ")]);
        var worker = WorkerConfig.FromValues([new("bootstrap.servers", "kept:9092")]).WithEnvironmentOverrides(blank);

        Assert.Equal("kept:9092", worker.BootstrapServers);
    }
}
