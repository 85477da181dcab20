using System.Net;
using Confluent.Kafka;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// Creates the run's topics up front, so consumers can be assigned before the first record and every topic has a known
/// partition count: through the embedded Kafka's control port (the mock brokers have no CreateTopics), or, when that
/// port does not answer, by the brokers' auto-creation on a producer's metadata request.
/// </summary>
internal static class KafkaTopics
{
    public const int Partitions = 4;

    public static async Task CreateAsync(Uri controlUrl, string bootstrapServers, IReadOnlyList<string> topics, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            await CreateThroughControlPortAsync(controlUrl, topics, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"demo: the Kafka control port {controlUrl} did not answer ({e.Message}); letting the brokers auto-create the topics");
        }

        await Task.Run(() => AwaitTopics(bootstrapServers, topics, cancellationToken), cancellationToken);
    }

    private static async Task CreateThroughControlPortAsync(Uri controlUrl, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = controlUrl, Timeout = TimeSpan.FromSeconds(10) };
        foreach (var topic in topics)
        {
            using var response = await http.PostAsync(
                new Uri($"/topics?name={Uri.EscapeDataString(topic)}&partitions={Partitions}", UriKind.Relative), null, cancellationToken);
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
            {
                throw new DemoException($"creating topic {topic} through {controlUrl} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    // A producer's metadata request for a missing topic makes the brokers auto-create it (the mock gives it 4 partitions).
    private static void AwaitTopics(string bootstrapServers, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers })
            .SetLogHandler((_, _) => { })
            .Build();
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        foreach (var topic in topics)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5)).Topics.SingleOrDefault(t => t.Topic == topic);
                if (metadata is { Error.Code: ErrorCode.NoError, Partitions.Count: > 0 })
                {
                    if (metadata.Partitions.Count != Partitions)
                    {
                        throw new DemoException($"topic {topic} has {metadata.Partitions.Count} partitions; the demo expects {Partitions}");
                    }

                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new DemoException($"topic {topic} does not exist on {bootstrapServers} and was not auto-created within 30 s");
                }

                Thread.Sleep(200);
            }
        }
    }
}
