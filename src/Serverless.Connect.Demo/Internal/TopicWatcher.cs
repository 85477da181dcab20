using System.Collections.Concurrent;
using System.Text.Json;
using Confluent.Kafka;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// Reads every demo topic from the beginning (assigned, no consumer group) and matches each record to the commit that
/// produced it: the <c>rev</c> of an unwrapped row, the <c>event_id</c> of an outbox payload. Gives the commit → Kafka
/// latency of the CDC stages and feeds the sinks' ledgers.
/// </summary>
internal sealed class TopicWatcher : IDisposable
{
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly CommitLog _commits;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, WatchedTopic> _topics;
    private readonly ConcurrentDictionary<TopicPartition, PartitionLedger> _ledgers = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DeadLetter> _deadLetters = new();

    public TopicWatcher(string bootstrapServers, IReadOnlyList<WatchedTopic> topics, CommitLog commits, TimeProvider time)
    {
        _commits = commits;
        _time = time;
        _topics = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "demo-watcher-unused",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
            EnablePartitionEof = false,
        }).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
    }

    public long Count(string topic) => _counts.GetValueOrDefault(topic);

    /// <summary>The first dead letters seen (at most <see cref="DeadLettersKept"/>).</summary>
    public IReadOnlyList<DeadLetter> DeadLetters => [.. _deadLetters];

    public const int DeadLettersKept = 5;

    public void TrackSink(string topic, int partitions, LatencySamples samples)
    {
        for (var p = 0; p < partitions; p++)
        {
            _ledgers[new TopicPartition(topic, p)] = new PartitionLedger(samples, _time);
        }

    }

    public void SinkCommitted(string topic, int partition, long offset)
    {
        if (_ledgers.TryGetValue(new TopicPartition(topic, partition), out var ledger))
        {
            ledger.SinkCommitted(offset);
        }
    }

    public void Assign(IReadOnlyDictionary<string, int> partitions) =>
        _consumer.Assign(partitions.SelectMany(t => Enumerable.Range(0, t.Value)
            .Select(p => new TopicPartitionOffset(t.Key, p, Offset.Beginning))));

    /// <summary>The log end offsets summed over partitions (every record written; the mock brokers keep only the newest).</summary>
    public long EndOffsets(string topic, int partitions)
    {
        long total = 0;
        for (var p = 0; p < partitions; p++)
        {
            var marks = _consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            total += marks.High.Value;
        }

        return total;
    }

    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = _consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException)
            {
                continue;
            }

            if (result?.Message is null)
            {
                continue;
            }

            var arrived = _time.GetTimestamp();
            _counts.AddOrUpdate(result.Topic, 1, (_, n) => n + 1);
            if (!_topics.TryGetValue(result.Topic, out var topic))
            {
                continue;
            }

            if (topic.DeadLetter)
            {
                if (_deadLetters.Count < DeadLettersKept)
                {
                    _deadLetters.Enqueue(DeadLetter.From(result));
                }

                continue;
            }

            var key = topic.CommitKey(result.Message.Value);
            var committed = key is null ? null : _commits.Find(key);
            if (committed is { } at && topic.Latency is { } samples)
            {
                samples.Add(_time.GetElapsedTime(at, arrived).TotalMilliseconds);
            }

            if (_ledgers.TryGetValue(result.TopicPartition, out var ledger))
            {
                ledger.Seen(result.Offset.Value, committed);
            }
        }
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}
