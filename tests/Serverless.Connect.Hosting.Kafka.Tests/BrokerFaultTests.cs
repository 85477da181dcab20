using Confluent.Kafka;
using Serverless.Connect.Kafka.Mock;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class BrokerFaultTests
{
    [Fact]
    public async Task DeadLetterQueueDeliveryFailure_FailsTheTask_WithoutCommittingTheRecord()
    {
        using var cluster = MockKafkaCluster.Start(1);
        await using var scenario = SinkScenario.OnMock(cluster, 1);
        scenario.Settings["errors.tolerance"] = "all";
        scenario.Settings["errors.deadletterqueue.topic.name"] = scenario.Topic + "-dlq";
        var delivered = await scenario.ProduceAsync(
            [("k0", "{\"n\":0}"), ("k1", "{\"n\":1}"), ("bad", "{not json"), ("k3", "{\"n\":3}")], partition: 0);
        // Every later produce request (only the DLQ producer's) is refused for good.
        cluster.PushRequestErrors(0, Enumerable.Repeat(ErrorCode.TopicAuthorizationFailed, 50).ToArray());
        await using var host = scenario.CreateHost();

        var status = await host.RunAsync(CancellationToken.None);

        Assert.Equal(SinkTaskState.Failed, status.State);
        Assert.Contains("dead letter queue", status.Trace, StringComparison.Ordinal);
        Assert.Equal(1, host.ErrorMetrics.DeadLetterQueueProduceFailures);
        var committed = scenario.Committed()[0];
        Assert.True(committed <= delivered[2].Offset.Value, $"committed {committed} passed the record that never reached the DLQ");
        Assert.DoesNotContain("k3", scenario.Documents().Keys);
    }
}
