using System.Net;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// Creates the run's topics up front through the embedded Kafka's control port (the mock brokers have no CreateTopics),
/// so consumers can be assigned before the first record and every topic has a known partition count.
/// </summary>
internal static class KafkaTopics
{
    public const int Partitions = 4;

    public static async Task CreateAsync(Uri controlUrl, IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = controlUrl, Timeout = TimeSpan.FromSeconds(30) };
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
}
