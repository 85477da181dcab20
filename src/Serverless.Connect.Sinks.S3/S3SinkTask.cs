using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Sinks.S3.Internal;

namespace Serverless.Connect.Sinks.S3;

/// <summary>
/// Writes Connect records to S3 as Confluent's S3 sink does (same keys, rotation and formats), with exactly-once object
/// contents for deterministic partitioners; see the README for the design.
/// </summary>
/// <remarks>
/// With a <see cref="SinkHostKind.Standalone"/> host, records are buffered in open files and <see cref="PreCommitAsync"/>
/// returns only offsets of committed (visible) files, like Confluent. With <see cref="SinkHostKind.FunctionsTrigger"/>
/// (or <c>s3.staging.enabled=true</c>), every put is also staged durably in S3, so any offset the host commits is safe and a
/// new task instance continues the same files.
/// </remarks>
public sealed partial class S3SinkTask : ISinkTask
{
    private readonly SinkServices _services;
    private readonly Dictionary<SinkPartition, TopicPartitionWriter> _writers = [];
    private bool _bucketChecked;

    /// <summary>Creates a task.</summary>
    /// <param name="options">The validated settings.</param>
    /// <param name="host">How the host commits offsets.</param>
    /// <param name="logger">A logger, or null.</param>
    /// <param name="timeProvider">The clock (wall-clock extraction, scheduled rotation), or null for the system clock.</param>
    public S3SinkTask(S3SinkOptions options, SinkHostKind host = SinkHostKind.Standalone, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(options, host, logger, timeProvider, null)
    {
    }

    internal S3SinkTask(S3SinkOptions options, SinkHostKind host, ILogger? logger, TimeProvider? timeProvider, IAmazonS3? client)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PartitionDurationInferred)
        {
            LogInferredDuration(logger ?? NullLogger.Instance, options.PartitionDurationMs, options.PathFormat);
        }

        var format = new RecordFormat(options);
        IPartitioner partitioner = options.Partitioner switch
        {
            PartitionerKind.Default => new DefaultPartitioner(),
            PartitionerKind.Field => new FieldPartitioner(options.PartitionFields, options.DirectoryDelim),
            _ => new TimeBasedPartitioner(options.PartitionDurationMs, options.PathFormat, options.Timezone ?? TimeZoneInfo.Utc,
                options.Locale, options.DirectoryDelim),
        };
        _services = new SinkServices(
            options,
            new S3Storage(options, client),
            format,
            new ObjectKeys(options, format.Extension),
            partitioner,
            new TimestampExtractor(options.TimestampExtractor, options.TimestampField),
            options.StagingEnabled || host == SinkHostKind.FunctionsTrigger,
            timeProvider ?? TimeProvider.System,
            logger ?? NullLogger.Instance);
    }

    /// <inheritdoc/>
    public string TaskClassName => "io.confluent.connect.s3.S3SinkTask";

    /// <summary>Gets whether every put is staged durably (Functions host or <c>s3.staging.enabled</c>).</summary>
    public bool Staging => _services.Staging;

    /// <summary>Gets the number of files currently open (buffered, not yet visible) over all partitions.</summary>
    public int OpenFileCount => _writers.Values.Sum(w => w.OpenFiles);

    /// <summary>Gets the bytes currently buffered in memory over all open files.</summary>
    public long BufferedBytes => _writers.Values.Sum(w => w.BufferedBytes);

    internal int CachedParquetSchemas => _services.Format.CachedParquetSchemas;

    /// <inheritdoc/>
    public async ValueTask OpenAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        try
        {
            await EnsureBucketAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RetriableException)
        {
            // S3 is unreachable right now: the first put checks again and defers its records until it answers.
        }

        foreach (var partition in partitions)
        {
            Writer(partition);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SinkRecordOutcome>> PutAsync(IReadOnlyList<ConnectRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            await EnsureBucketAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RetriableException e)
        {
            var error = new SinkRecordError(e.Message, Exception: e);
            return [.. records.Select(r => new SinkRecordOutcome(r, SinkRecordStatus.Retriable, error))];
        }

        var outcomes = new SinkRecordOutcome?[records.Count];
        var groups = new Dictionary<SinkPartition, List<(int, ConnectRecord)>>();
        var order = new List<SinkPartition>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var partition = new SinkPartition(record.Topic, record.KafkaPartition ?? 0);
            if (!groups.TryGetValue(partition, out var list))
            {
                groups[partition] = list = [];
                order.Add(partition);
            }

            list.Add((i, record));
        }

        foreach (var partition in order)
        {
            await Writer(partition).PutAsync(groups[partition], outcomes, cancellationToken).ConfigureAwait(false);
        }

        return Array.ConvertAll(outcomes, o => o!);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<SinkPartition, long>> PreCommitAsync(
        IReadOnlyDictionary<SinkPartition, long> currentOffsets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currentOffsets);
        var result = new Dictionary<SinkPartition, long>();
        foreach (var (partition, current) in currentOffsets)
        {
            if (!_writers.TryGetValue(partition, out var writer))
            {
                result[partition] = current;
                continue;
            }

            await writer.MaintainAsync(cancellationToken).ConfigureAwait(false);
            if (writer.SafeOffset(current) is { } safe)
            {
                result[partition] = safe;
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public async ValueTask CloseAsync(IReadOnlyCollection<SinkPartition> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        foreach (var partition in partitions)
        {
            if (_writers.Remove(partition, out var writer))
            {
                await writer.AbortAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers.Values)
        {
            await writer.AbortAsync().ConfigureAwait(false);
        }

        _writers.Clear();
        _services.Storage.Dispose();
    }

    private TopicPartitionWriter Writer(SinkPartition partition)
    {
        if (!_writers.TryGetValue(partition, out var writer))
        {
            _writers[partition] = writer = new TopicPartitionWriter(partition, _services);
        }

        return writer;
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (!_bucketChecked)
        {
            await _services.Storage.EnsureBucketAsync(cancellationToken).ConfigureAwait(false);
            _bucketChecked = true;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "partition.duration.ms is not set; using {DurationMs} ms, the finest field of path.format '{PathFormat}' (Confluent's connector rejects this configuration: set partition.duration.ms to keep it portable)")]
    private static partial void LogInferredDuration(ILogger logger, long durationMs, string pathFormat);
}
