using Confluent.Kafka;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench;

/// <summary>A backlog on a topic of the shared embedded Kafka, written before the program measured starts.</summary>
internal static class Backlog
{
    /// <summary>Produces <paramref name="records"/> records, record <c>i</c> to partition <c>i % partitions</c>, and waits until all are acknowledged.</summary>
    public static async Task ProduceAsync(
        string topic, int records, int partitions, Func<int, (byte[] Key, byte[] Value)> record, CancellationToken cancellationToken)
    {
        using var producer = TestKafka.CreateProducer();
        for (var i = 0; i < records; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (key, value) = record(i);
            var message = new Message<byte[]?, byte[]?> { Key = key, Value = value };
            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition(topic, i % partitions), message);
                    break;
                }
                catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(100));
                }
            }
        }

        var left = await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(120)), cancellationToken);
        if (left > 0)
        {
            throw new InvalidOperationException($"{left} backlog records were not delivered");
        }
    }
}
