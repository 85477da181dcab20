using System.Text;
using Confluent.Kafka;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class KafkaDeadLetterQueueProducerTests
{
    [Fact]
    public async Task ProduceAsync_ReturnsAfterDelivery_WithKeyValueHeadersAndTimestamp()
    {
        using var cluster = MockKafkaCluster.Start(1);
        using var producer = new KafkaDeadLetterQueueProducer(cluster.BootstrapServers);
        var record = new DeadLetterRecord(
            "dlq-produce", Encoding.UTF8.GetBytes("k"), Encoding.UTF8.GetBytes("{bad"), 1_700_000_000_123,
            [new RawHeader("original", Encoding.UTF8.GetBytes("h")), new RawHeader("__connect.errors.stage", Encoding.UTF8.GetBytes("VALUE_CONVERTER")), new RawHeader("nullable", null)]);

        await producer.ProduceAsync(record);

        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "reader",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("dlq-produce");
        ConsumeResult<byte[]?, byte[]?>? read = null;
        for (var i = 0; i < 100 && read is null; i++)
        {
            read = consumer.Consume(TimeSpan.FromMilliseconds(200));
        }

        Assert.NotNull(read);
        Assert.Equal("k", Encoding.UTF8.GetString(read.Message.Key!));
        Assert.Equal("{bad", Encoding.UTF8.GetString(read.Message.Value!));
        Assert.Equal(1_700_000_000_123, read.Message.Timestamp.UnixTimestampMs);
        Assert.Equal(["original", "__connect.errors.stage", "nullable"], read.Message.Headers.Select(h => h.Key));
        Assert.Equal("VALUE_CONVERTER", Encoding.UTF8.GetString(read.Message.Headers[1].GetValueBytes()));
        Assert.Null(read.Message.Headers[2].GetValueBytes());
        consumer.Close();
    }

    [Fact]
    public async Task ProduceAsync_Throws_WhenTheRecordCannotBeDelivered()
    {
        using var cluster = MockKafkaCluster.Start(1);
        cluster.SetBrokerDown(1);
        using var producer = new KafkaDeadLetterQueueProducer(
            new ProducerConfig { BootstrapServers = cluster.BootstrapServers, MessageTimeoutMs = 1500 }, TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<ProduceException<byte[]?, byte[]?>>(async () =>
            await producer.ProduceAsync(new DeadLetterRecord("dlq-down", null, [1], null, [])));

        Assert.Equal(ErrorCode.Local_MsgTimedOut, error.Error.Code);
    }
}
