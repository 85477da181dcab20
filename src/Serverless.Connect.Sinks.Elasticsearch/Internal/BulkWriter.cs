using Microsoft.Extensions.Logging;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>
/// Sends operations as bulk requests over up to <c>max.in.flight.requests</c> lanes. Every document id maps to one lane
/// and a lane sends its requests one after another, so writes to the same document keep their order while different
/// documents are written concurrently. Transient failures (whole request or per item) are retried with backoff before
/// the lane moves on.
/// </summary>
internal sealed class BulkWriter
{
    private const string TooLarge = "HTTP 413";

    private readonly ElasticsearchSinkOptions _options;
    private readonly ElasticsearchTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;

    public BulkWriter(ElasticsearchSinkOptions options, ElasticsearchTransport transport, TimeProvider time, ILogger logger, Random random)
    {
        _options = options;
        _transport = transport;
        _time = time;
        _logger = logger;
        _random = random;
    }

    public async Task WriteAsync(
        IReadOnlyList<BulkOperation> operations, IReadOnlyList<ConnectRecord> records, SinkRecordOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        if (operations.Count == 0)
        {
            return;
        }

        // Like Confluent's bulk processor, a request fills up to batch.size (or bulk.size.bytes) before another one goes
        // in flight: a 500-record poll is one request, not five small ones, so the per-request cost is paid once.
        long bytes = 0;
        foreach (var op in operations)
        {
            bytes += op.EstimatedBytes;
        }

        var requests = Math.Max(
            (operations.Count + _options.BatchSize - 1) / _options.BatchSize,
            _options.BulkSizeBytes > 0 ? (int)Math.Min(int.MaxValue, (bytes + _options.BulkSizeBytes - 1) / _options.BulkSizeBytes) : 1);
        var laneCount = Math.Clamp(requests, 1, Math.Min(_options.MaxInFlightRequests, operations.Count));
        var lanes = new List<BulkOperation>[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            lanes[i] = [];
        }

        foreach (var op in operations)
        {
            // Generated ids have no order to keep, so those operations are spread by position.
            var hash = op.Id is null ? op.RecordIndex : StringComparer.Ordinal.GetHashCode(op.Index) ^ StringComparer.Ordinal.GetHashCode(op.Id);
            lanes[(int)((uint)hash % (uint)laneCount)].Add(op);
        }

        var deadline = _time.GetTimestamp() + (long)(_options.FlushTimeout.TotalSeconds * _time.TimestampFrequency);
        var context = new LaneContext(records, outcomes, deadline);
        await Task.WhenAll(lanes.Where(l => l.Count > 0).Select(l => RunLaneAsync(l, context, cancellationToken))).ConfigureAwait(false);
    }

    private async Task RunLaneAsync(List<BulkOperation> lane, LaneContext context, CancellationToken cancellationToken)
    {
        string? blockedBy = null;
        foreach (var batch in Batches(lane))
        {
            if (blockedBy is not null)
            {
                // Sending later writes while earlier ones await redelivery could reorder writes to the same document.
                MarkRetriable(batch, context, "Not sent: an earlier operation of the same lane is pending redelivery. " + blockedBy);
                continue;
            }

            blockedBy = await SendWithRetriesAsync(batch, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns null when every operation reached a final outcome, otherwise why some were left retriable.</summary>
    private async Task<string?> SendWithRetriesAsync(List<BulkOperation> batch, LaneContext context, CancellationToken cancellationToken)
    {
        var pending = batch;
        for (var attempt = 0; ; attempt++)
        {
            var (retry, reason) = await SendOnceAsync(pending, context, attempt, cancellationToken).ConfigureAwait(false);
            if (retry.Count == 0)
            {
                return null;
            }

            if (reason == TooLarge)
            {
                return await SendSplitAsync(retry, context, cancellationToken).ConfigureAwait(false);
            }

            TimeSpan delay;
            lock (_random)
            {
                delay = RetryBackoff.Compute(attempt, _options.RetryBackoff, _random);
            }

            var pastDeadline = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency) > context.Deadline;
            if (attempt >= _options.MaxRetries || pastDeadline)
            {
                Log.RetriesExhausted(_logger, retry.Count, attempt, reason);
                MarkRetriable(retry, context, $"Still failing after {attempt} retries: {reason}");
                return reason;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            pending = retry;
        }
    }

    /// <summary>Answers HTTP 413 (above <c>http.max_content_length</c>) by sending each half on its own, in order.</summary>
    private async Task<string?> SendSplitAsync(List<BulkOperation> operations, LaneContext context, CancellationToken cancellationToken)
    {
        if (operations.Count == 1)
        {
            SetMalformed(operations[0], new BulkItemResult(413, "request_entity_too_large",
                "the document alone exceeds the cluster's http.max_content_length", null), context);
            return null;
        }

        var half = operations.Count / 2;
        var second = operations.GetRange(half, operations.Count - half);
        var blocked = await SendWithRetriesAsync(operations.GetRange(0, half), context, cancellationToken).ConfigureAwait(false);
        if (blocked is not null)
        {
            MarkRetriable(second, context, "Not sent: an earlier operation of the same lane is pending redelivery. " + blocked);
            return blocked;
        }

        return await SendWithRetriesAsync(second, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(List<BulkOperation> Retry, string? Reason)> SendOnceAsync(
        List<BulkOperation> pending, LaneContext context, int attempt, CancellationToken cancellationToken)
    {
        BulkHttpResult result;
        using (var body = new PooledBufferWriter(Math.Min(EstimateBytes(pending), 16 * 1024 * 1024)))
        {
            BulkBodyWriter.Write(pending, body);
            result = await _transport.SendBulkAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }

        if (result.IsTransient)
        {
            Log.BulkRetry(_logger, pending.Count, result.Url, attempt, result.Describe());
            return (pending, result.Describe());
        }

        if (result.StatusCode == 413)
        {
            return (pending, TooLarge);
        }

        if (result.StatusCode is < 200 or >= 300)
        {
            Log.RequestRejected(_logger, result.Describe());
            throw new ConnectException($"Elasticsearch rejected a bulk request to {result.Url}: {result.Describe()}");
        }

        var items = BulkResponseParser.Parse(result.Body, pending.Count);
        if (items is null)
        {
            return (pending, "Unreadable bulk response: " + result.Describe());
        }

        var retry = new List<BulkOperation>();
        HashSet<(string Index, string Id)>? retryKeys = null;
        string? firstReason = null;
        for (var i = 0; i < pending.Count; i++)
        {
            var op = pending[i];
            var item = items[i];
            if (retryKeys is not null && op.Id is not null && retryKeys.Contains((op.Index, op.Id)))
            {
                // A later write to a document whose earlier write is being resent must be resent after it, or the older one wins.
                retry.Add(op);
                continue;
            }

            switch (ItemClassifier.Classify(item, op, _options.IsDataStream))
            {
                case ItemDisposition.Success:
                    context.Outcomes[op.RecordIndex] = new SinkRecordOutcome(context.Records[op.RecordIndex], SinkRecordStatus.Written);
                    break;
                case ItemDisposition.Retry:
                    firstReason ??= $"{item.Status} {item.ErrorType}: {item.ErrorReason}";
                    retry.Add(op);
                    if (op.Id is not null)
                    {
                        (retryKeys ??= []).Add((op.Index, op.Id));
                    }
                    break;
                case ItemDisposition.Malformed:
                    SetMalformed(op, item, context);
                    break;
                case ItemDisposition.Conflict:
                    SetFailure(op, item, context, SinkRecordStatus.Malformed);
                    break;
                default:
                    SetFailure(op, item, context, SinkRecordStatus.Failed);
                    break;
            }
        }

        if (retry.Count > 0)
        {
            Log.ItemsRetry(_logger, retry.Count, attempt, firstReason);
        }

        return (retry, firstReason);
    }

    private void SetMalformed(BulkOperation op, BulkItemResult item, LaneContext context)
    {
        var record = context.Records[op.RecordIndex];
        switch (_options.BehaviorOnMalformedDocuments)
        {
            case MalformedDocumentBehavior.Fail:
                SetFailure(op, item, context, SinkRecordStatus.Failed);
                return;
            case MalformedDocumentBehavior.Warn:
                Log.MalformedWarn(_logger, op.Index, op.Id, record.Topic, record.KafkaPartition, record.KafkaOffset, item.ErrorJson);
                break;
            default:
                Log.MalformedIgnore(_logger, op.Index, op.Id, record.Topic, record.KafkaPartition, record.KafkaOffset, item.ErrorJson);
                break;
        }

        SetFailure(op, item, context, SinkRecordStatus.Malformed);
    }

    private static void SetFailure(BulkOperation op, BulkItemResult item, LaneContext context, SinkRecordStatus status)
    {
        var detail = item.ErrorJson ?? $"{{\"type\":\"{item.ErrorType}\",\"reason\":\"{item.ErrorReason}\"}}";
        var error = new SinkRecordError("Indexing failed: " + detail, item.ErrorType, item.Status, item.ErrorJson);
        context.Outcomes[op.RecordIndex] = new SinkRecordOutcome(context.Records[op.RecordIndex], status, error);
    }

    private static void MarkRetriable(List<BulkOperation> ops, LaneContext context, string reason)
    {
        foreach (var op in ops)
        {
            context.Outcomes[op.RecordIndex] = new SinkRecordOutcome(
                context.Records[op.RecordIndex], SinkRecordStatus.Retriable, new SinkRecordError(reason));
        }
    }

    private IEnumerable<List<BulkOperation>> Batches(List<BulkOperation> lane)
    {
        var batch = new List<BulkOperation>();
        long bytes = 0;
        foreach (var op in lane)
        {
            var size = op.EstimatedBytes;
            var full = batch.Count >= _options.BatchSize
                || (_options.BulkSizeBytes > 0 && batch.Count > 0 && bytes + size > _options.BulkSizeBytes);
            if (full)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(op);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static int EstimateBytes(List<BulkOperation> ops)
    {
        long total = 0;
        foreach (var op in ops)
        {
            total += op.EstimatedBytes;
        }

        return (int)Math.Min(total + 1024, int.MaxValue);
    }

    private sealed record LaneContext(IReadOnlyList<ConnectRecord> Records, SinkRecordOutcome?[] Outcomes, long Deadline);
}
