using Confluent.Kafka;

namespace Serverless.Connect.Kafka.Lag;

/// <summary>
/// A KEDA kafka trigger for one group: each <see cref="PollAsync"/> reads the offsets and applies
/// <see cref="KafkaScalerFormula"/>, keeping the previous committed offsets for <c>excludePersistentLag</c> as KEDA
/// does between polling intervals. Not thread-safe: one poller at a time.
/// </summary>
public sealed class ConsumerLagScaler : IDisposable
{
    private readonly ConsumerLagReader _reader;
    private readonly string _group;
    private readonly IReadOnlyCollection<string>? _topics;
    private readonly KafkaScalerOptions _options;
    private readonly Dictionary<(string Topic, int Partition), long> _previous = [];

    /// <exception cref="ArgumentException">The options break one of KEDA's rules (the message names the key).</exception>
    public ConsumerLagScaler(AdminClientConfig config, string group, IReadOnlyCollection<string>? topics, KafkaScalerOptions options, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(topics is { Count: > 0 });
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _group = group;
        _topics = topics;
        _options = options;
        _reader = new ConsumerLagReader(config, timeout);
    }

    public string Group => _group;

    /// <summary>Reads the group's offsets now and returns KEDA's decision.</summary>
    /// <exception cref="KafkaException">Kafka could not be read.</exception>
    public async Task<ScalingDecision> PollAsync(CancellationToken cancellationToken)
    {
        var offsets = await _reader.ReadAsync(_group, _topics, cancellationToken).ConfigureAwait(false);
        return KafkaScalerFormula.Decide(offsets, _options, _options.ExcludePersistentLag ? _previous : null);
    }

    public void Dispose() => _reader.Dispose();
}
