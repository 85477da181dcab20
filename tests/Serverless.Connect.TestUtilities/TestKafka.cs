using System.Runtime.CompilerServices;
using Confluent.Kafka;

namespace Serverless.Connect.TestUtilities;

/// <summary>Unique topics and ready-made clients for the embedded Kafka-protocol cluster.</summary>
public static class TestKafka
{
    public static string BootstrapServers => LocalServices.Current.KafkaBootstrapServers;

    public static string UniqueTopic([CallerMemberName] string caller = "") => TestNames.Unique("t", caller, '-', 100);

    public static string UniqueGroup([CallerMemberName] string caller = "") => TestNames.Unique("g", caller, '-', 100);

    /// <summary>
    /// Creates a topic with the given partition count. The mock brokers have no CreateTopics handler, so this goes
    /// through the control port of <c>./connect kafka</c>; topics used without creation get the mock's default of 4.
    /// </summary>
    public static async Task<string> CreateTopicAsync(int partitions, [CallerMemberName] string caller = "")
    {
        var topic = UniqueTopic(caller);
        using var http = new HttpClient { BaseAddress = new Uri(LocalServices.Current.Get("SC_KAFKA_CONTROL_URL")) };
        using var response = await http.PostAsync(new Uri($"topics?name={Uri.EscapeDataString(topic)}&partitions={partitions}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return topic;
    }

    public static IProducer<byte[]?, byte[]?> CreateProducer() =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).Build();

    public static IConsumer<byte[]?, byte[]?> CreateConsumer(string groupId) =>
        new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
        }).Build();
}
