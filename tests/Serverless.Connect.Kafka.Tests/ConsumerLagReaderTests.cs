using Confluent.Kafka;
using Serverless.Connect.Kafka.Lag;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Kafka.Tests;

/// <summary>The lag reader against the embedded Kafka cluster, with a group whose committed offsets are set by hand.</summary>
public sealed class ConsumerLagReaderTests
{
    [Fact]
    public async Task ReadsCommittedAndEndOffsets_PerPartition_ForAGivenTopic()
    {
        var (topic, group) = await GroupWithKnownOffsetsAsync();
        using var reader = new ConsumerLagReader(TestKafka.BootstrapServers);

        var offsets = await reader.ReadAsync(group, [topic], CancellationToken.None);

        Assert.Equal(
            [new(topic, 0, 2, 5, 0), new(topic, 1, 6, 6, 0), new(topic, 2, null, 7, 0)],
            offsets);
    }

    [Fact]
    public async Task WithoutTopics_FindsTheTopicsTheGroupCommittedTo()
    {
        var (topic, group) = await GroupWithKnownOffsetsAsync();
        using var reader = new ConsumerLagReader(TestKafka.BootstrapServers);

        var offsets = await reader.ReadAsync(group, null, CancellationToken.None);

        Assert.Equal([topic], offsets.Select(o => o.Topic).Distinct());
        Assert.Equal([2L, 6L, null], offsets.Select(o => o.Committed));
    }

    [Fact]
    public async Task AGroupWithoutCommits_AndNoTopic_HasNoPartitions()
    {
        using var reader = new ConsumerLagReader(TestKafka.BootstrapServers);

        Assert.Empty(await reader.ReadAsync(TestKafka.UniqueGroup(), null, CancellationToken.None));
    }

    [Fact]
    public async Task UnreachableKafka_IsAKafkaException()
    {
        using var reader = new ConsumerLagReader(new AdminClientConfig { BootstrapServers = "127.0.0.1:1", SocketTimeoutMs = 1000 }, TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<KafkaException>(() => reader.ReadAsync("g", ["t"], CancellationToken.None));
    }

    /// <summary>Partitions 0/1/2 hold 5/6/7 records; the group committed 2 on partition 0, 6 on partition 1, nothing on 2.</summary>
    internal static async Task<(string Topic, string Group)> GroupWithKnownOffsetsAsync()
    {
        var topic = await TestKafka.CreateTopicAsync(3);
        var group = TestKafka.UniqueGroup();
        using (var producer = TestKafka.CreateProducer())
        {
            for (var p = 0; p < 3; p++)
            {
                for (var i = 0; i < 5 + p; i++)
                {
                    producer.Produce(new TopicPartition(topic, p), new Message<byte[]?, byte[]?> { Value = [1] });
                }
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        using var consumer = TestKafka.CreateConsumer(group);
        consumer.Commit([new TopicPartitionOffset(topic, 0, 2), new TopicPartitionOffset(topic, 1, 6)]);
        return (topic, group);
    }
}
