using System.Globalization;
using Confluent.Kafka;
using Serverless.Connect.Configuration;

namespace Serverless.Connect.Hosting.Kafka.Internal;

/// <summary>Builds the sink's consumer configuration the way Connect's <c>Worker.baseConsumerConfigs</c> does.</summary>
internal static class ConsumerSettings
{
    public const int DefaultMaxPollRecords = 500;

    // Only keys whose meaning is the same in the Java client and librdkafka; Java-only keys (interceptors, deserializers)
    // would make librdkafka refuse the whole configuration.
    private static readonly HashSet<string> s_passThrough = new(StringComparer.Ordinal)
    {
        "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms", "auto.offset.reset", "fetch.min.bytes",
        "fetch.max.bytes", "max.partition.fetch.bytes", "client.id", "group.instance.id", "isolation.level",
        "security.protocol", "sasl.mechanism", "sasl.username", "sasl.password", "ssl.ca.location",
    };

    public static ConsumerConfig Create(IReadOnlyDictionary<string, string> values, string bootstrapServers, string connector)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "connect-" + connector,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            ClientId = "connector-consumer-" + connector + "-0",
        };
        foreach (var (key, value) in Overrides(values))
        {
            if (s_passThrough.Contains(key))
            {
                config.Set(key, key == "auto.offset.reset" && value == "none" ? "error" : value);
            }
        }

        return config;
    }

    public static int MaxPollRecords(IReadOnlyDictionary<string, string> values)
    {
        var configured = Overrides(values).LastOrDefault(e => e.Key == "max.poll.records").Value;
        if (configured is null)
        {
            return DefaultMaxPollRecords;
        }

        return int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0
            ? max
            : throw new ConfigException($"Invalid value {configured} for configuration max.poll.records: must be a positive integer");
    }

    // Worker-level consumer.* first, then the connector's consumer.override.* (Connect's client override policy "All").
    private static IEnumerable<KeyValuePair<string, string>> Overrides(IReadOnlyDictionary<string, string> values)
    {
        const string Worker = "consumer.";
        const string Connector = "consumer.override.";
        foreach (var (key, value) in values)
        {
            if (key.StartsWith(Worker, StringComparison.Ordinal) && !key.StartsWith(Connector, StringComparison.Ordinal))
            {
                yield return new(key[Worker.Length..], value);
            }
        }

        foreach (var (key, value) in values)
        {
            if (key.StartsWith(Connector, StringComparison.Ordinal))
            {
                yield return new(key[Connector.Length..], value);
            }
        }
    }
}
