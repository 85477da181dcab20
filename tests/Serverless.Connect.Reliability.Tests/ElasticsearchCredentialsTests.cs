using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Kafka.Mock;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>Elasticsearch refusing the sink's credentials.</summary>
public sealed class ElasticsearchCredentialsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Unauthorized_FailsTheTaskWithAClearMessage_AndCommitsNothing()
    {
        using var cluster = MockKafkaCluster.Start(1);
        await using var scenario = SinkScenario.OnMock(cluster, 1);
        scenario.Settings["connection.username"] = "elastic";
        scenario.Settings["connection.password"] = "wrong";
        await scenario.ProduceAsync(Enumerable.Range(0, 50).Select(i => ($"k{i}", (string?)$"{{\"seq\":{i}}}")), partition: 0);
        scenario.Server.Faults.RequestFailureStatus = 401;
        scenario.Server.Faults.RequestFailureRate = 1.0;
        await using var host = scenario.CreateHost();

        var status = await host.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        output.WriteLine(status.Trace?.Split('\n')[0]);
        Assert.Equal(SinkTaskState.Failed, status.State);
        Assert.Contains("401", status.Trace, StringComparison.Ordinal);
        Assert.True(scenario.Committed()[0] <= 0, "an offset was committed for records that were never written");
        Assert.Empty(scenario.Documents());
        new FaultReport("bad-input", "Elasticsearch 401 (wrong credentials)", 50, 0, 0, host.Redeliveries, "task FAILED: " + status.Trace!.Split('\n')[0]).Write(output);
    }
}
