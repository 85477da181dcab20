using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Sinks.S3.Internal.Staging;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// One topic partition: Confluent's <c>TopicPartitionWriter</c> rotation rules (time, schema, flush.size; a rotation
/// commits every open file of the partition), plus the watermark that makes redelivered records no-ops and, in staging
/// mode, the durable checkpoint of every put. See the sink README for the exactly-once argument.
/// </summary>
internal sealed partial class TopicPartitionWriter
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly SinkPartition _partition;
    private readonly SinkServices _s;
    private readonly S3SinkOptions _o;
    private readonly Dictionary<string, OpenFile> _files = new(StringComparer.Ordinal);
    private readonly List<StagedRecord> _staged = [];
    private readonly List<long> _obsoleteChunks = [];
    private readonly Queue<long> _boundaries = new();
    private List<long> _chunks = [];
    private long? _next;
    private long? _accepted;
    private long? _safe;
    private int _recordCount;
    private long? _baseTimestamp;
    private string? _lastEncoded;
    private long _nextScheduled;
    private string? _checkpointETag;
    private bool _loaded;

    public TopicPartitionWriter(SinkPartition partition, SinkServices services)
    {
        _partition = partition;
        _s = services;
        _o = services.Options;
        _nextScheduled = NextScheduledRotation(Now());
    }

    public SinkPartition Partition => _partition;

    public int OpenFiles => _files.Count;

    public long BufferedBytes => _files.Values.Sum(f => f.Writer.BufferedBytes);

    /// <summary>The next offset this writer accepts; lower offsets are already written, staged or buffered.</summary>
    public long? NextOffset => _next;

    /// <summary>
    /// The offset to commit when the host has finished everything below <paramref name="current"/>: with staging, anything
    /// up to the watermark; otherwise the highest file boundary (an offset where no file was open) not above it, because
    /// a consumer restarting there rebuilds exactly the same files. Null when there is none.
    /// </summary>
    public long? SafeOffset(long current)
    {
        if (_s.Staging || _files.Count == 0)
        {
            return _next is { } next ? Math.Min(next, current) : null;
        }

        long? best = null;
        foreach (var boundary in _boundaries)
        {
            if (boundary <= current && (best is null || boundary > best))
            {
                best = boundary;
            }
        }

        return best;
    }

    public async Task PutAsync(IReadOnlyList<(int Index, ConnectRecord Record)> items, SinkRecordOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        long? durable = null;
        try
        {
            if (_s.Staging)
            {
                await SyncWithCheckpointAsync(cancellationToken).ConfigureAwait(false);
                durable = _next;
            }

            var now = Now();
            var changed = false;
            RetriableException? deferred = null;
            foreach (var (index, record) in items)
            {
                if (_next is { } next && record.KafkaOffset < next)
                {
                    // Redelivered: already in a committed object, a staged chunk or an open file.
                    outcomes[index] = new SinkRecordOutcome(record, SinkRecordStatus.Written);
                    continue;
                }

                if (deferred is null && !await ResumeAsync(cancellationToken).ConfigureAwait(false))
                {
                    deferred = _failure ?? new RetriableException($"S3 writes of {_partition} are paused after a failure");
                }

                if (deferred is not null)
                {
                    // S3 is failing: the rest of the partition is redelivered after the host's backoff, state is kept.
                    outcomes[index] = Deferred(record, deferred);
                    continue;
                }

                changed = true;
                try
                {
                    outcomes[index] = await ProcessAsync(record, now, cancellationToken).ConfigureAwait(false);
                }
                catch (RetriableException e) when (!_s.Staging)
                {
                    deferred = Failed(e);
                    if (_accepted != record.KafkaOffset)
                    {
                        outcomes[index] = Deferred(record, e);
                        continue;
                    }

                    // The record is in an open file; only the upload behind it is pending.
                    outcomes[index] = new SinkRecordOutcome(record, SinkRecordStatus.Written);
                }

                _next = record.KafkaOffset + 1;
                if (_files.Count == 0)
                {
                    Boundary(_next.Value);
                }
            }

            if (deferred is null)
            {
                await FlushOpenFilesAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_s.Staging && changed)
            {
                await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ConnectException e) when (e is not DataException)
        {
            if (!_s.Staging)
            {
                // Records of earlier puts are only in memory: fail the task; offsets stay at the last committed files.
                await AbortAsync().ConfigureAwait(false);
                throw;
            }

            LogPutFailed(_s.Logger, _partition.ToString(), e.Message);
            await AbortAsync().ConfigureAwait(false);
            var error = new SinkRecordError(e.Message, Exception: e);
            foreach (var (index, record) in items)
            {
                if (durable is null || record.KafkaOffset >= durable)
                {
                    outcomes[index] = new SinkRecordOutcome(record, SinkRecordStatus.Retriable, error);
                }
            }
        }
    }

    /// <summary>Scheduled rotation for a partition that gets no records (called from preCommit).</summary>
    public async Task RotateIfScheduledAsync(CancellationToken cancellationToken)
    {
        if (_o.RotateScheduleIntervalMs > 0 && _recordCount > 0 && Now() >= _nextScheduled && _next is { } next)
        {
            await CommitFilesAsync(next, cancellationToken).ConfigureAwait(false);
            if (_s.Staging)
            {
                await WriteCheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Drops buffered state: open uploads are aborted (nothing becomes visible), staging is reloaded on next use.</summary>
    public async Task AbortAsync()
    {
        foreach (var file in _files.Values)
        {
            await file.Writer.AbortAsync().ConfigureAwait(false);
        }

        _files.Clear();
        _staged.Clear();
        _chunks = [];
        ForgetPending();
        _recordCount = 0;
        _baseTimestamp = null;
        _lastEncoded = null;
        _loaded = false;
        _checkpointETag = null;
        if (!_s.Staging)
        {
            _next = null;
            _safe = null;
            _boundaries.Clear();
        }
    }

    private async Task<SinkRecordOutcome> ProcessAsync(ConnectRecord record, long now, CancellationToken cancellationToken)
    {
        if (record.Value is null)
        {
            return _o.BehaviorOnNullValues == NullValueBehavior.Ignore
                ? new SinkRecordOutcome(record, SinkRecordStatus.Skipped,
                    _o.ReportNullValuesToDlq ? new SinkRecordError("Skipping null value record.") : null)
                : new SinkRecordOutcome(record, SinkRecordStatus.Failed, new SinkRecordError(
                    $"Null valued records are not writeable with current behavior.on.null.values 'settings. Record {TimestampExtractor.Describe(record)}"));
        }

        if (_s.Format.Reject(record) is { } rejection)
        {
            return Malformed(record, new DataException($"{rejection}: record {TimestampExtractor.Describe(record)}"));
        }

        long timestamp;
        string encoded;
        try
        {
            timestamp = _s.Extractor.Extract(record, now);
            encoded = _s.Partitioner.Encode(record, timestamp);
        }
        catch (DataException e)
        {
            return Malformed(record, e);
        }

        _files.TryGetValue(encoded, out var file);
        if (RotateOnTime(encoded, timestamp, now))
        {
            await CommitFilesAsync(_next ?? record.KafkaOffset, cancellationToken).ConfigureAwait(false);
            file = null;
        }
        else if (file is not null)
        {
            switch (SchemaProjection.Decide(_o.SchemaCompatibility, file.Schema, record.ValueSchema))
            {
                case SchemaProjection.Decision.Rotate:
                    await CommitFilesAsync(_next ?? record.KafkaOffset, cancellationToken).ConfigureAwait(false);
                    file = null;
                    break;
                case SchemaProjection.Decision.Project:
                    try
                    {
                        record = SchemaProjection.Project(record, file.Schema!);
                    }
                    catch (DataException e)
                    {
                        return Malformed(record, e);
                    }

                    break;
            }
        }

        var created = file is null;
        file ??= await OpenFileAsync(encoded, record, cancellationToken).ConfigureAwait(false);
        try
        {
            file.Writer.Write(record);
        }
        catch (DataException e)
        {
            if (created)
            {
                _files.Remove(encoded);
                await file.Writer.AbortAsync().ConfigureAwait(false);
            }

            return Malformed(record, e);
        }

        Appended(record, encoded, timestamp);
        _accepted = record.KafkaOffset;
        if (file.Writer.RecordCount % _o.ParquetRowGroupRecords == 0)
        {
            await file.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_recordCount >= _o.FlushSize)
        {
            await CommitFilesAsync(record.KafkaOffset + 1, cancellationToken).ConfigureAwait(false);
        }

        return new SinkRecordOutcome(record, SinkRecordStatus.Written);
    }

    private void Appended(ConnectRecord record, string encoded, long? timestamp)
    {
        if (_recordCount == 0)
        {
            _baseTimestamp = timestamp;
        }

        _recordCount++;
        _lastEncoded = encoded;
        if (_s.Staging)
        {
            _staged.Add(new StagedRecord(record, encoded));
        }
    }

    private bool RotateOnTime(string encoded, long timestamp, long now)
    {
        if (_recordCount <= 0)
        {
            return false;
        }

        var periodic = _o.RotateIntervalMs > 0 && _o.IsTimeBased
            && (timestamp - (_baseTimestamp ?? timestamp) >= _o.RotateIntervalMs
                || (_o.RotateFileOnPartitionChange && _lastEncoded is not null && !string.Equals(encoded, _lastEncoded, StringComparison.Ordinal)));
        var scheduled = _o.RotateScheduleIntervalMs > 0 && now >= _nextScheduled;
        return periodic || scheduled;
    }

    private async Task<OpenFile> OpenFileAsync(string encoded, ConnectRecord first, CancellationToken cancellationToken)
    {
        var key = _s.Keys.FileKey(_partition.Topic, encoded, _partition.Partition, first.KafkaOffset);
        var writer = await _s.Format.CreateAsync(_s.Storage, key, first.ValueSchema, cancellationToken).ConfigureAwait(false);
        var file = new OpenFile(encoded, first.KafkaOffset, first.ValueSchema, key, writer);
        _files[encoded] = file;
        return file;
    }

    /// <summary>Rotation: every open file of the partition becomes visible; <paramref name="safeOffset"/> is then committable.</summary>
    /// <remarks>
    /// Each file leaves the open set once it is visible, so after a failure the rotation resumes with the files still open
    /// (<see cref="ResumeAsync"/>); the boundary is recorded only when all of them are visible.
    /// </remarks>
    private async Task CommitFilesAsync(long safeOffset, CancellationToken cancellationToken)
    {
        _pendingCommit = safeOffset;
        foreach (var (encoded, file) in _files.ToArray())
        {
            await file.Writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            LogFileCommitted(_s.Logger, file.Key, file.Writer.RecordCount);
            _files.Remove(encoded);
        }

        _pendingCommit = null;
        _recordCount = 0;
        _baseTimestamp = null;
        _lastEncoded = null;
        _staged.Clear();
        _obsoleteChunks.AddRange(_chunks);
        _chunks = [];
        Boundary(safeOffset);
        _nextScheduled = NextScheduledRotation(Now());
    }

    private void Boundary(long offset)
    {
        _safe = offset;
        if (_boundaries.Count == 0 || !_boundaries.Contains(offset))
        {
            _boundaries.Enqueue(offset);
            if (_boundaries.Count > 256)
            {
                _boundaries.Dequeue();
            }
        }
    }

    private long Now() => _s.Time.GetUtcNow().ToUnixTimeMilliseconds();

    // storage-common's DateTimeUtils.getNextTimeAdjustedByDay: the next multiple of the interval since local midnight, capped at the next midnight.
    private long NextScheduledRotation(long now)
    {
        if (_o.RotateScheduleIntervalMs <= 0)
        {
            return long.MaxValue;
        }

        const long Day = 86_400_000;
        var zone = _o.Timezone ?? TimeZoneInfo.Utc;
        var offset = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(now)).TotalMilliseconds;
        var local = now + offset;
        var dayStart = (local >= 0 ? local / Day : ((local + 1) / Day) - 1) * Day;
        var next = dayStart + (((local - dayStart) / _o.RotateScheduleIntervalMs) + 1) * _o.RotateScheduleIntervalMs;
        return Math.Min(next, dayStart + Day) - offset;
    }

    private static SinkRecordOutcome Malformed(ConnectRecord record, DataException e) =>
        new(record, SinkRecordStatus.Malformed, new SinkRecordError(e.Message, Exception: e));

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Committed {Key} with {Count} records")]
    private static partial void LogFileCommitted(ILogger logger, string key, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Put to {Partition} failed, its records will be redelivered: {Reason}")]
    private static partial void LogPutFailed(ILogger logger, string partition, string reason);

    private sealed record OpenFile(string EncodedPartition, long StartOffset, Schema? Schema, string Key, IRecordFileWriter Writer);
}
