using Serverless.Connect.CdcReader;
using Serverless.Connect.Errors;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class ProducerSettingErrorTests
{
    [Fact]
    public async Task An_invalid_producer_override_is_a_ConnectException_naming_the_property()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY)");
        using var kafka = MockKafkaCluster.Start(1);
        var config = Config(db, ("bootstrap.servers", kafka.BootstrapServers), ("producer.override.batch.num.messages", "lots"));
        var connector = new CdcConnector(config);

        var error = await Assert.ThrowsAsync<ConnectException>(() => connector.RunAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Contains("producer.override", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("batch.num.messages", StringComparison.Ordinal), error.Message);
        Assert.Contains(config["name"], error.Message, StringComparison.Ordinal);
    }
}
