using Confluent.Kafka;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>Reads a topic from the beginning with a fresh consumer group until it has the expected number of values.</summary>
internal static class TopicReader
{
    public static List<byte[]> ReadValues(string bootstrap, string topic, int count)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "g-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var values = new List<byte[]>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (values.Count < count && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result?.Message?.Value is { } value)
            {
                values.Add(value);
            }
        }

        consumer.Close();
        Assert.Equal(count, values.Count);
        return values;
    }
}
