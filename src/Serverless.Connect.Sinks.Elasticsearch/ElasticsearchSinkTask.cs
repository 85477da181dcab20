using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Sinks.Elasticsearch.Internal;

namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>
/// Writes Connect records to Elasticsearch with the <c>_bulk</c> API, following the Confluent Elasticsearch sink's
/// document id, index, versioning and null-value rules.
/// </summary>
/// <remarks>
/// <see cref="PutAsync"/> returns only when every record has a final outcome, so a runtime can commit offsets of
/// <see cref="SinkRecordStatus.Written"/>, <see cref="SinkRecordStatus.Skipped"/> and <see cref="SinkRecordStatus.Malformed"/>
/// records, dead-letter the ones carrying an error, and redeliver <see cref="SinkRecordStatus.Retriable"/> ones.
/// Calls must not overlap; one task instance per Connect task.
/// </remarks>
public sealed class ElasticsearchSinkTask : ISinkTask, IDisposable
{
    /// <summary>The Java class name Confluent's task reports in <c>__connect.errors.class.name</c>.</summary>
    public const string JavaClassName = "io.confluent.connect.elasticsearch.ElasticsearchSinkTask";

    private readonly ElasticsearchSinkOptions _options;
    private readonly RecordConverter _converter;
    private readonly ElasticsearchTransport _transport;
    private readonly BulkWriter _writer;
    private readonly IndexManager _indices;

    /// <summary>Creates a task.</summary>
    /// <param name="options">The validated settings.</param>
    /// <param name="logger">A logger, or null for none.</param>
    /// <param name="timeProvider">The clock used for timeouts and backoff, or null for <see cref="TimeProvider.System"/>.</param>
    public ElasticsearchSinkTask(ElasticsearchSinkOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider, null, null)
    {
    }

    internal ElasticsearchSinkTask(
        ElasticsearchSinkOptions options, ILogger? logger, TimeProvider? timeProvider, HttpMessageHandler? handler, Random? random)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConnectionUrls.Count == 0)
        {
            throw new ArgumentException("At least one connection URL is required.", nameof(options));
        }

        _options = options;
        var time = timeProvider ?? TimeProvider.System;
        _converter = new RecordConverter(options);
        _transport = new ElasticsearchTransport(options, time, handler);
        _writer = new BulkWriter(options, _transport, time, logger ?? NullLogger.Instance, random ?? Random.Shared);
        _indices = new IndexManager(options, _transport, time, random ?? Random.Shared);
    }

    /// <inheritdoc/>
    public string TaskClassName => JavaClassName;

    /// <inheritdoc/>
    public ValueTask OpenAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Every write is acknowledged inside <see cref="PutAsync"/>, so everything the host finished may be committed.</summary>
    /// <param name="currentOffsets">The host's offsets.</param>
    /// <param name="cancellationToken">Unused: nothing is buffered.</param>
    /// <returns><paramref name="currentOffsets"/>.</returns>
    public ValueTask<IReadOnlyDictionary<SinkPartition, long>> PreCommitAsync(
        IReadOnlyDictionary<SinkPartition, long> currentOffsets, CancellationToken cancellationToken) =>
        ValueTask.FromResult(currentOffsets);

    /// <inheritdoc/>
    public ValueTask CloseAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Converts and writes a batch; returns one outcome per record, in input order.</summary>
    /// <param name="records">The records, in Kafka order per partition.</param>
    /// <param name="cancellationToken">Cancels the call; records not yet written are then unknown and must be redelivered.</param>
    /// <returns>The outcomes.</returns>
    /// <exception cref="ConnectException">Elasticsearch rejected a whole request, an index or a mapping for a non-transient reason (for example 401).</exception>
    /// <remarks>
    /// Before the first write to an index it is created and, unless the schema is ignored, given a mapping derived from
    /// the value schema when it has none (transient failures there leave the records retriable).
    /// Batches larger than <c>max.buffered.records</c> are written in consecutive chunks of that size. Once a chunk leaves
    /// records retriable, later chunks are not sent (their records are retriable too), so a redelivery cannot reorder
    /// writes to the same document.
    /// </remarks>
    public async Task<IReadOnlyList<SinkRecordOutcome>> PutAsync(IReadOnlyList<ConnectRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var outcomes = new SinkRecordOutcome?[records.Count];
        var blocked = false;
        for (var start = 0; start < records.Count; start += _options.MaxBufferedRecords)
        {
            var end = Math.Min(records.Count, start + _options.MaxBufferedRecords);
            if (blocked)
            {
                for (var i = start; i < end; i++)
                {
                    outcomes[i] = new SinkRecordOutcome(records[i], SinkRecordStatus.Retriable,
                        new SinkRecordError("Not sent: earlier records of this batch are pending redelivery."));
                }

                continue;
            }

            var operations = new List<BulkOperation>(end - start);
            for (var i = start; i < end; i++)
            {
                var converted = _converter.Convert(records[i], i);
                if (converted.Operation is { } op)
                {
                    operations.Add(op);
                }
                else
                {
                    outcomes[i] = converted.Outcome;
                }
            }

            try
            {
                foreach (var op in operations.DistinctBy(o => o.Index))
                {
                    var topic = records[op.RecordIndex].Topic;
                    await _indices.EnsureAsync(op.Index, topic, FirstValueSchema(operations, records, op.Index), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RetriableException e)
            {
                foreach (var op in operations)
                {
                    outcomes[op.RecordIndex] = new SinkRecordOutcome(records[op.RecordIndex], SinkRecordStatus.Retriable, new SinkRecordError(e.Message, Exception: e));
                }

                blocked = true;
                continue;
            }

            await _writer.WriteAsync(operations, records, outcomes, cancellationToken).ConfigureAwait(false);
            blocked = operations.Exists(op => outcomes[op.RecordIndex]!.Status == SinkRecordStatus.Retriable);
        }

        return Array.ConvertAll(outcomes, o => o!);
    }

    private static Schema? FirstValueSchema(List<BulkOperation> operations, IReadOnlyList<ConnectRecord> records, string index) =>
        operations.Where(o => o.Index == index).Select(o => records[o.RecordIndex].ValueSchema).FirstOrDefault(s => s is not null);

    /// <summary>Completes when everything accepted so far is durable; <see cref="PutAsync"/> never leaves writes behind, so this returns at once.</summary>
    /// <param name="cancellationToken">Unused; present for the sink task contract.</param>
    /// <returns>A completed task.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>Releases the HTTP connections.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        _transport.Dispose();
        return ValueTask.CompletedTask;
    }
}
