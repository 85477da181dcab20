using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks;

/// <summary>
/// A sink task, shaped like Connect's <c>SinkTask</c>: the host opens the partitions it is assigned, puts batches,
/// asks which offsets are safe to commit, and closes partitions it loses. Both hosts (the standalone consumer and the
/// Functions custom handler) drive every sink through this contract.
/// </summary>
/// <remarks>
/// Calls never overlap. <see cref="PutAsync"/> returns one outcome per record; <see cref="SinkRecordStatus.Written"/>
/// means the sink accepted the record, which for a buffering sink (S3) is not yet durability: the host commits no offset
/// past what <see cref="PreCommitAsync"/> returns.
/// </remarks>
public interface ISinkTask : IAsyncDisposable
{
    /// <summary>Gets the Java class name of the task, reported as <c>__connect.errors.class.name</c> for put failures.</summary>
    string TaskClassName { get; }

    /// <summary>Called when partitions are assigned, before any of their records are put (Connect's <c>open</c>).</summary>
    /// <param name="partitions">The newly assigned partitions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the sink is ready for those partitions.</returns>
    ValueTask OpenAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken);

    /// <summary>Writes (or buffers) a batch; returns one outcome per record, in input order.</summary>
    /// <param name="records">The records, in Kafka order per partition, with <see cref="ConnectRecord.KafkaOffset"/> set.</param>
    /// <param name="cancellationToken">Cancels the call; records without a final outcome must then be redelivered.</param>
    /// <returns>The outcomes.</returns>
    Task<IReadOnlyList<SinkRecordOutcome>> PutAsync(IReadOnlyList<ConnectRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Flushes what must be durable and returns, per partition, the next offset that is safe to commit (Connect's
    /// <c>preCommit</c>): at most the offset given, lower when records the host considers done are still only buffered.
    /// A partition left out of the result is not committed.
    /// </summary>
    /// <param name="currentOffsets">Per partition, the next offset after the records the host has finished.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The offsets to commit.</returns>
    ValueTask<IReadOnlyDictionary<SinkPartition, long>> PreCommitAsync(
        IReadOnlyDictionary<SinkPartition, long> currentOffsets, CancellationToken cancellationToken);

    /// <summary>Called when partitions are revoked or lost (Connect's <c>close</c>): drop their buffered state.</summary>
    /// <param name="partitions">The partitions that go away.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when their state is released.</returns>
    ValueTask CloseAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken);
}
