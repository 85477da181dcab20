using System.Text;
using Confluent.Kafka;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.IntegrationTests.Smoke;

public sealed class KafkaConsumerGroupSmokeTests
{
    [Fact]
    public async Task Consumer_group_consumes_a_produced_message_and_commits_its_offset()
    {
        var topic = TestKafka.UniqueTopic();
        var group = TestKafka.UniqueGroup();
        using (var producer = TestKafka.CreateProducer())
        {
            var result = await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?>
            {
                Key = Encoding.UTF8.GetBytes("k1"),
                Value = Encoding.UTF8.GetBytes("hello"),
            });
            Assert.Equal(PersistenceStatus.Persisted, result.Status);
        }

        using var consumer = TestKafka.CreateConsumer(group);
        consumer.Subscribe(topic);
        ConsumeResult<byte[]?, byte[]?>? consumed = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (consumed is null && DateTime.UtcNow < deadline)
        {
            consumed = consumer.Consume(TimeSpan.FromMilliseconds(500));
        }

        Assert.NotNull(consumed);
        Assert.Equal("hello", Encoding.UTF8.GetString(consumed.Message.Value!));
        consumer.Commit(consumed);

        var committed = consumer.Committed([consumed.TopicPartition], TimeSpan.FromSeconds(10));
        Assert.Equal(consumed.Offset.Value + 1, committed.Single().Offset.Value);
        consumer.Close();
    }
}
