using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Serverless.Connect.Kafka.Lag;

/// <summary>
/// Reads a consumer group's committed offsets and the log end offsets of its partitions, the inputs of
/// <see cref="KafkaScalerFormula"/>. Used by <c>./connect lag</c> and for the standalone sink host's lag metrics.
/// </summary>
/// <remarks>
/// Reads only (metadata, OffsetFetch, ListOffsets); it never joins the group, so reading does not rebalance it.
/// Without topics it scales on every topic the group has committed offsets for, like KEDA without <c>topic</c>: an
/// all-topics OffsetFetch first; brokers that answer it with nothing (the librdkafka mock cluster) are asked per
/// partition of every topic in the cluster metadata instead.
/// </remarks>
public sealed class ConsumerLagReader : IDisposable
{
    private readonly IAdminClient _admin;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a reader; <paramref name="config"/> carries bootstrap servers and any security settings.</summary>
    public ConsumerLagReader(AdminClientConfig config, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _timeout = timeout ?? TimeSpan.FromSeconds(15);
        _admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
    }

    public ConsumerLagReader(string bootstrapServers, TimeSpan? timeout = null)
        : this(new AdminClientConfig { BootstrapServers = bootstrapServers }, timeout)
    {
    }

    /// <summary>Reads every partition of <paramref name="topics"/> (or of the group's committed topics when null or empty).</summary>
    /// <exception cref="KafkaException">Kafka could not be reached, a topic does not exist, or a broker refused a request.</exception>
    public async Task<IReadOnlyList<PartitionOffsets>> ReadAsync(string group, IReadOnlyCollection<string>? topics, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        var partitions = topics is { Count: > 0 }
            ? await PartitionsOfAsync(topics, requireExisting: true, cancellationToken).ConfigureAwait(false)
            : await CommittedTopicPartitionsAsync(group, cancellationToken).ConfigureAwait(false);
        if (partitions.Count == 0)
        {
            return [];
        }

        var committed = await CommittedAsync(group, partitions).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var ends = await OffsetsAsync(partitions, OffsetSpec.Latest()).ConfigureAwait(false);
        var uncommitted = partitions.Where(tp => !committed.ContainsKey(tp)).ToList();
        var starts = uncommitted.Count == 0
            ? new Dictionary<TopicPartition, long>()
            : await OffsetsAsync(uncommitted, OffsetSpec.Earliest()).ConfigureAwait(false);
        return
        [
            .. partitions.Select(tp => new PartitionOffsets(
                tp.Topic,
                tp.Partition.Value,
                committed.TryGetValue(tp, out var c) ? c : null,
                ends[tp],
                starts.GetValueOrDefault(tp))),
        ];
    }

    public void Dispose() => _admin.Dispose();

    private async Task<List<TopicPartition>> CommittedTopicPartitionsAsync(string group, CancellationToken cancellationToken)
    {
        var all = await _admin.ListConsumerGroupOffsetsAsync(
            [new ConsumerGroupTopicPartitions(group, null)],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = _timeout }).ConfigureAwait(false);
        var topics = all.SelectMany(r => r.Partitions).Where(p => p.Offset != Offset.Unset).Select(p => p.Topic).ToHashSet(StringComparer.Ordinal);
        if (topics.Count == 0)
        {
            // Brokers without the all-topics form of OffsetFetch: ask for every partition in the cluster.
            var everything = await Task.Run(() => _admin.GetMetadata(_timeout), cancellationToken).ConfigureAwait(false);
            var candidates = everything.Topics
                .Where(t => t.Error.Code == ErrorCode.NoError && !t.Topic.StartsWith("__", StringComparison.Ordinal))
                .SelectMany(t => t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId)))
                .ToList();
            if (candidates.Count > 0)
            {
                var committed = await CommittedAsync(group, candidates).ConfigureAwait(false);
                topics = committed.Keys.Select(tp => tp.Topic).ToHashSet(StringComparer.Ordinal);
            }
        }

        return topics.Count == 0 ? [] : await PartitionsOfAsync(topics, requireExisting: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TopicPartition>> PartitionsOfAsync(IEnumerable<string> topics, bool requireExisting, CancellationToken cancellationToken)
    {
        var result = new List<TopicPartition>();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var metadata = await Task.Run(() => _admin.GetMetadata(topic, _timeout), cancellationToken).ConfigureAwait(false);
            var described = metadata.Topics.SingleOrDefault(t => t.Topic == topic);
            if (described is null || described.Error.Code != ErrorCode.NoError || described.Partitions.Count == 0)
            {
                if (!requireExisting && described?.Error.Code == ErrorCode.UnknownTopicOrPart)
                {
                    continue;
                }

                var reason = described is null ? "no metadata returned" : described.Error.Code == ErrorCode.NoError ? "no partitions" : described.Error.Reason;
                throw new KafkaException(new Error(described?.Error.Code ?? ErrorCode.UnknownTopicOrPart, $"topic '{topic}': {reason}"));
            }

            result.AddRange(described.Partitions.OrderBy(p => p.PartitionId).Select(p => new TopicPartition(topic, p.PartitionId)));
        }

        return result;
    }

    private async Task<Dictionary<TopicPartition, long>> CommittedAsync(string group, List<TopicPartition> partitions)
    {
        var results = await _admin.ListConsumerGroupOffsetsAsync(
            [new ConsumerGroupTopicPartitions(group, partitions)],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = _timeout }).ConfigureAwait(false);
        var committed = new Dictionary<TopicPartition, long>();
        foreach (var p in results.SelectMany(r => r.Partitions))
        {
            if (p.Error.IsError)
            {
                throw new KafkaException(new Error(p.Error.Code, $"committed offset of group '{group}' for {p.Topic} [{p.Partition.Value}]: {p.Error.Reason}"));
            }

            if (p.Offset != Offset.Unset && p.Offset.Value >= 0)
            {
                committed[p.TopicPartition] = p.Offset.Value;
            }
        }

        return committed;
    }

    private async Task<Dictionary<TopicPartition, long>> OffsetsAsync(List<TopicPartition> partitions, OffsetSpec spec)
    {
        try
        {
            var result = await _admin.ListOffsetsAsync(
                partitions.Select(tp => new TopicPartitionOffsetSpec { TopicPartition = tp, OffsetSpec = spec }),
                new ListOffsetsOptions { RequestTimeout = _timeout }).ConfigureAwait(false);
            return result.ResultInfos.ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
        }
        catch (ListOffsetsException e)
        {
            var failed = e.Result.ResultInfos.First(r => r.TopicPartitionOffsetError.Error.IsError).TopicPartitionOffsetError;
            throw new KafkaException(new Error(failed.Error.Code, $"offsets of {failed.Topic} [{failed.Partition.Value}]: {failed.Error.Reason}"));
        }
    }
}
