using System.Globalization;
using Confluent.Kafka;
using Serverless.Connect.Configuration;

namespace Serverless.Connect.Hosting.Kafka.Internal;

/// <summary>Builds the sink's consumer configuration the way Connect's <c>Worker.baseConsumerConfigs</c> does.</summary>
internal static class ConsumerSettings
{
    public const int DefaultMaxPollRecords = 500;

    // Keys whose meaning is the same in the Java client and librdkafka. Java-only keys (interceptors, deserializers)
    // would make librdkafka refuse the whole configuration, so they are never passed on.
    private static readonly HashSet<string> s_passThrough = new(StringComparer.Ordinal)
    {
        "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms", "auto.offset.reset", "fetch.min.bytes",
        "fetch.max.bytes", "max.partition.fetch.bytes", "client.id", "group.instance.id", "isolation.level", "client.rack",
        "security.protocol", "sasl.mechanism", "sasl.username", "sasl.password", "ssl.ca.location",
        "ssl.endpoint.identification.algorithm", "reconnect.backoff.ms", "reconnect.backoff.max.ms", "retry.backoff.ms",
        "metadata.max.age.ms", "connections.max.idle.ms", "socket.connection.setup.timeout.ms",
    };

    // The same setting under another name in librdkafka.
    private static readonly Dictionary<string, string> s_renamed = new(StringComparer.Ordinal)
    {
        ["fetch.max.wait.ms"] = "fetch.wait.max.ms",
        ["receive.buffer.bytes"] = "socket.receive.buffer.bytes",
        ["send.buffer.bytes"] = "socket.send.buffer.bytes",
    };

    // Set by the worker itself (Connect overrides them too), so a value for them is not a problem worth a warning.
    private static readonly HashSet<string> s_workerOwned = new(StringComparer.Ordinal)
    {
        "key.deserializer", "value.deserializer", "enable.auto.commit", "group.id", "bootstrap.servers", "max.poll.records",
        "partition.assignment.strategy",
    };

    public static ConsumerConfig Create(IReadOnlyDictionary<string, string> values, string bootstrapServers, string connector) =>
        Create(values, bootstrapServers, connector, out _);

    /// <param name="values">The connector configuration with the worker's <c>consumer.*</c> keys merged in.</param>
    /// <param name="bootstrapServers">The brokers.</param>
    /// <param name="connector">The connector name.</param>
    /// <param name="ignored">Override keys with no librdkafka equivalent: not applied, for the host to warn about.</param>
    public static ConsumerConfig Create(
        IReadOnlyDictionary<string, string> values, string bootstrapServers, string connector, out IReadOnlyList<string> ignored)
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
        var skipped = new List<string>();
        foreach (var (key, value) in Overrides(values))
        {
            if (s_passThrough.Contains(key))
            {
                config.Set(key, key == "auto.offset.reset" && value == "none" ? "error" : value);
            }
            else if (s_renamed.TryGetValue(key, out var librdkafkaKey))
            {
                config.Set(librdkafkaKey, value);
            }
            else if (!s_workerOwned.Contains(key))
            {
                skipped.Add(key);
            }
        }

        ignored = skipped;
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
