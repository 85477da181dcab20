using System.Collections.Concurrent;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Hosting.Kafka.Tests;

/// <summary>
/// A sink that accepts every record but makes it durable only when the test says so, as a file-rotating sink does; it
/// checks that the host commits no further than preCommit allows, and records the open/close calls it gets.
/// </summary>
internal sealed class BufferingSinkTask : ISinkTask
{
    private readonly ConcurrentDictionary<SinkPartition, long> _durable = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentDictionary<SinkPartition, long> HighestPut { get; } = new();

    public int PreCommits;

    public string TaskClassName => "test.BufferingSinkTask";

    /// <summary>Declares everything below <paramref name="nextOffset"/> of a partition durable.</summary>
    public void MakeDurable(SinkPartition partition, long nextOffset) => _durable[partition] = nextOffset;

    public ValueTask OpenAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken)
    {
        foreach (var partition in partitions)
        {
            Calls.Enqueue("open " + partition);
        }

        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<SinkRecordOutcome>> PutAsync(IReadOnlyList<ConnectRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            HighestPut.AddOrUpdate(new SinkPartition(record.Topic, record.KafkaPartition!.Value), record.KafkaOffset, (_, o) => Math.Max(o, record.KafkaOffset));
        }

        return Task.FromResult<IReadOnlyList<SinkRecordOutcome>>([.. records.Select(r => new SinkRecordOutcome(r, SinkRecordStatus.Written))]);
    }

    public ValueTask<IReadOnlyDictionary<SinkPartition, long>> PreCommitAsync(
        IReadOnlyDictionary<SinkPartition, long> currentOffsets, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref PreCommits);
        var safe = new Dictionary<SinkPartition, long>();
        foreach (var (partition, offset) in currentOffsets)
        {
            if (_durable.TryGetValue(partition, out var durable))
            {
                safe[partition] = Math.Min(offset, durable);
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<SinkPartition, long>>(safe);
    }

    public ValueTask CloseAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken)
    {
        foreach (var partition in partitions)
        {
            Calls.Enqueue("close " + partition);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
