using System.Globalization;
using Serverless.Connect.Configuration;

namespace Serverless.Connect.Deployment.Kubernetes;

/// <summary>How KEDA scales one sink's consumer group: triggers per topic, thresholds, replica bounds.</summary>
/// <param name="ConsumerGroup">The group the sink host joins: <c>connect-&lt;name&gt;</c>, as Connect names it.</param>
/// <param name="Topics">The topics from <c>topics</c>; empty when the sink uses <c>topics.regex</c>.</param>
/// <param name="LagThreshold">Target lag per replica.</param>
/// <param name="ActivationLagThreshold">Lag above which 0 replicas become 1.</param>
/// <param name="OffsetResetPolicy">KEDA's view of a group without committed offsets; matches the consumer's <c>auto.offset.reset</c>.</param>
/// <param name="MinReplicaCount">0, or 1 for <c>topics.regex</c> sinks (see remarks).</param>
/// <param name="MaxReplicaCount">The total partition count of the topics (a consumer beyond it would sit idle).</param>
/// <param name="PartitionSource">Where <see cref="MaxReplicaCount"/> came from, written next to it in the manifest.</param>
/// <remarks>
/// A KEDA kafka trigger without <c>topic</c> measures only topics the group has committed offsets for; with
/// <c>minReplicaCount: 0</c> a group that never committed would stay at zero forever. A <c>topics.regex</c> sink
/// therefore keeps one replica.
/// </remarks>
public sealed record SinkScaling(
    string ConsumerGroup,
    IReadOnlyList<string> Topics,
    long LagThreshold,
    long ActivationLagThreshold,
    string OffsetResetPolicy,
    int MinReplicaCount,
    int MaxReplicaCount,
    string PartitionSource)
{
    /// <summary>Annotation on the KafkaConnector: partitions per topic, <c>6</c> (every topic) or <c>orders=6,products=3</c>.</summary>
    public const string PartitionsAnnotation = "serverless.connect/partitions";

    /// <summary>Annotation on the KafkaConnector overriding KEDA's <c>lagThreshold</c> (default 10).</summary>
    public const string LagThresholdAnnotation = "serverless.connect/lag-threshold";

    /// <summary>Annotation on the KafkaConnector overriding KEDA's <c>activationLagThreshold</c> (default 0).</summary>
    public const string ActivationLagThresholdAnnotation = "serverless.connect/activation-lag-threshold";

    /// <summary>Derives the scaling of a sink.</summary>
    /// <param name="sink">The sink connector.</param>
    /// <param name="topicPartitions">Partition counts from KafkaTopic resources.</param>
    /// <param name="warnings">Receives what the user should know (unknown partition counts, regex topics).</param>
    /// <returns>The scaling.</returns>
    /// <exception cref="ConfigException">An annotation is malformed or the sink has no topics.</exception>
    public static SinkScaling For(DeployedConnector sink, IReadOnlyDictionary<string, int> topicPartitions, ICollection<ConfigProblem> warnings)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(topicPartitions);
        ArgumentNullException.ThrowIfNull(warnings);
        var config = sink.Config;
        var topics = (config["topics"] ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var regex = config["topics.regex"];
        if (topics.Count == 0 && string.IsNullOrWhiteSpace(regex))
        {
            throw new ConfigException($"connector {config.Name}: Must configure one of topics or topics.regex") { Key = "topics" };
        }

        var tasksMax = Math.Max(1, config.TasksMax ?? 1);
        var annotated = ParsePartitionsAnnotation(sink);
        int maxReplicas;
        string source;
        if (topics.Count == 0)
        {
            maxReplicas = annotated.Default ?? tasksMax;
            source = annotated.Default is null ? "tasks.max (topics.regex: partition count unknown)" : PartitionsAnnotation;
            warnings.Add(new ConfigProblem("topics.regex", $"connector {config.Name}: KEDA measures lag only for topics the group has committed to; minReplicaCount is 1 so the group starts"));
        }
        else
        {
            var counts = topics.Select(t => topicPartitions.TryGetValue(t, out var p)
                ? ((int?)p, "KafkaTopic")
                : annotated.For(t) is { } a ? (a, PartitionsAnnotation) : ((int?)null, (string?)null)).ToList();
            if (counts.All(c => c.Item1 is not null))
            {
                maxReplicas = counts.Sum(c => c.Item1!.Value);
                source = string.Join(", ", counts.Select(c => c.Item2).Distinct());
            }
            else
            {
                var unknown = topics.Where((_, i) => counts[i].Item1 is null);
                maxReplicas = tasksMax;
                source = "tasks.max (partition count unknown)";
                warnings.Add(new ConfigProblem(
                    PartitionsAnnotation,
                    $"connector {config.Name}: partition count of {string.Join(", ", unknown)} unknown (no KafkaTopic, no {PartitionsAnnotation} annotation); maxReplicaCount = tasks.max = {tasksMax}"));
            }
        }

        return new SinkScaling(
            "connect-" + config.Name,
            topics,
            LongAnnotation(sink, LagThresholdAnnotation, 10, 1),
            LongAnnotation(sink, ActivationLagThresholdAnnotation, 0, 0),
            OffsetReset(sink, warnings),
            topics.Count == 0 ? 1 : 0,
            Math.Max(1, maxReplicas),
            source);
    }

    // The sink consumer resets like Connect's: earliest unless consumer.override.auto.offset.reset (connector) or
    // consumer.auto.offset.reset (worker) says otherwise. KEDA's own default, latest, would count a new group's backlog
    // as 1 per partition and never scale out for it although the sink will read all of it.
    private static string OffsetReset(DeployedConnector sink, ICollection<ConfigProblem> warnings)
    {
        var value = sink.Config["consumer.override.auto.offset.reset"] ?? sink.Worker.Config["consumer.auto.offset.reset"] ?? "earliest";
        switch (value.Trim().ToLowerInvariant())
        {
            case "latest":
                return "latest";
            case "earliest":
                return "earliest";
            default:
                warnings.Add(new ConfigProblem("consumer.override.auto.offset.reset", $"connector {sink.Config.Name}: KEDA knows only earliest and latest; using earliest for {value}"));
                return "earliest";
        }
    }

    private static long LongAnnotation(DeployedConnector sink, string annotation, long fallback, long minimum)
    {
        if (!sink.Annotations.TryGetValue(annotation, out var text))
        {
            return fallback;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ConfigException($"connector {sink.Config.Name}: annotation {annotation}: expected an integer >= {minimum}, got \"{text}\"") { Key = annotation };
    }

    private static PartitionsAnnotationValue ParsePartitionsAnnotation(DeployedConnector sink)
    {
        if (!sink.Annotations.TryGetValue(PartitionsAnnotation, out var text))
        {
            return new PartitionsAnnotationValue(null, new Dictionary<string, int>());
        }

        var bad = new ConfigException($"connector {sink.Config.Name}: annotation {PartitionsAnnotation}: expected N or topic=N,topic=N with N >= 1, got \"{text}\"") { Key = PartitionsAnnotation };
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var all))
        {
            return all >= 1 ? new PartitionsAnnotationValue(all, new Dictionary<string, int>()) : throw bad;
        }

        var perTopic = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.LastIndexOf('=');
            if (equals <= 0 || !int.TryParse(entry[(equals + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                throw bad;
            }

            perTopic[entry[..equals].Trim()] = count;
        }

        return perTopic.Count > 0 ? new PartitionsAnnotationValue(null, perTopic) : throw bad;
    }

    private sealed record PartitionsAnnotationValue(int? Default, IReadOnlyDictionary<string, int> PerTopic)
    {
        public int? For(string topic) => PerTopic.TryGetValue(topic, out var count) ? count : Default;
    }
}
