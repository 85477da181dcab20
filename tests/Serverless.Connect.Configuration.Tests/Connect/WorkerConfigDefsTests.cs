using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Connect;

public sealed class WorkerConfigDefsTests
{
    [Fact]
    public void SeedKafkaConnect_IsAValidDistributedWorker()
    {
        var worker = Assert.Single(new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).LoadFile(TestPaths.Seed("kafka-connect.yaml")).Workers);

        var config = WorkerConfigDefs.CreateDistributed().Parse(worker.Values);

        Assert.Equal(["my-cluster-kafka-bootstrap:9092"], config.GetList("bootstrap.servers")!);
        Assert.Equal(60000L, config.GetLong("offset.flush.interval.ms"));
        Assert.Equal("org.apache.kafka.connect.storage.SimpleHeaderConverter", config.GetClass("header.converter"));
        Assert.Equal((short)3, config.GetShort("status.storage.replication.factor"));
    }

    [Fact]
    public void IncompleteWorker_ReportsEveryMissingSetting()
    {
        var result = WorkerConfigDefs.CreateDistributed().Validate(new Dictionary<string, string> { ["bootstrap.servers"] = "k:9092" });

        Assert.Equal(
            ["group.id", "key.converter", "value.converter", "config.storage.topic", "offset.storage.topic", "status.storage.topic"],
            result.Errors.Select(e => e.Key ?? string.Empty).ToArray());
    }
}
