using System.Globalization;
using System.Text;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sinks.S3;

/// <summary>The typed, validated settings of an S3 sink task.</summary>
public sealed record S3SinkOptions
{
    /// <summary>The bucket.</summary>
    public required string BucketName { get; init; }

    /// <summary>The region (signing region for custom endpoints).</summary>
    public string Region { get; init; } = "us-west-2";

    /// <summary>Custom endpoint, or null for AWS.</summary>
    public Uri? StoreUrl { get; init; }

    /// <summary>Whether path-style URLs are used.</summary>
    public bool PathStyleAccess { get; init; } = true;

    /// <summary>Whether transfer acceleration is used.</summary>
    public bool WanMode { get; init; }

    /// <summary>Multipart part size in bytes.</summary>
    public int PartSize { get; init; } = 26_214_400;

    /// <summary>Attempts of each S3 request.</summary>
    public int PartRetries { get; init; } = 3;

    /// <summary>Base of the SDK retry backoff.</summary>
    public TimeSpan S3RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Pause before a partition is rewritten after a retriable failure.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether JSON/ByteArray objects are gzipped.</summary>
    public bool Gzip { get; init; }

    /// <summary>Gzip level (-1 default, 0-9).</summary>
    public int CompressionLevel { get; init; } = -1;

    /// <summary>Server-side encryption algorithm, or empty.</summary>
    public string SseAlgorithm { get; init; } = "";

    /// <summary>KMS key id, or empty.</summary>
    public string SseKmsKeyId { get; init; } = "";

    /// <summary>Canned ACL, or null.</summary>
    public string? CannedAcl { get; init; }

    /// <summary>Static access key id, or empty for the AWS default credential chain.</summary>
    public string AccessKeyId { get; init; } = "";

    /// <summary>Static secret key.</summary>
    public string SecretAccessKey { get; init; } = "";

    /// <summary>What happens to null values.</summary>
    public NullValueBehavior BehaviorOnNullValues { get; init; } = NullValueBehavior.Fail;

    /// <summary>Whether ignored null values are reported.</summary>
    public bool ReportNullValuesToDlq { get; init; } = true;

    /// <summary>With <see cref="RotateIntervalMs"/>, whether a change of encoded partition rotates.</summary>
    public bool RotateFileOnPartitionChange { get; init; } = true;

    /// <summary>The object format.</summary>
    public S3Format Format { get; init; } = S3Format.Parquet;

    /// <summary>Records per topic partition before its files are committed.</summary>
    public required int FlushSize { get; init; }

    /// <summary>Record-time rotation interval, or -1.</summary>
    public long RotateIntervalMs { get; init; } = -1;

    /// <summary>Wall-clock rotation interval, or -1.</summary>
    public long RotateScheduleIntervalMs { get; init; } = -1;

    /// <summary>Schema compatibility.</summary>
    public SchemaCompatibility SchemaCompatibility { get; init; } = SchemaCompatibility.None;

    /// <summary>Digits of the start offset in object names.</summary>
    public int FilenameOffsetZeroPadWidth { get; init; } = 10;

    /// <summary>Avro codec: <c>null</c> or <c>deflate</c>.</summary>
    public string AvroCodec { get; init; } = "null";

    /// <summary>Parquet codec name as Confluent spells it.</summary>
    public string ParquetCodec { get; init; } = "snappy";

    /// <summary>Records per Parquet row group.</summary>
    public int ParquetRowGroupRecords { get; init; } = 50_000;

    /// <summary>ByteArrayFormat extension.</summary>
    public string ByteArrayExtension { get; init; } = ".bin";

    /// <summary>ByteArrayFormat separator bytes.</summary>
    public ReadOnlyMemory<byte> ByteArraySeparator { get; init; } = "\n"u8.ToArray();

    /// <summary>Whether JSON decimals are numbers rather than base64.</summary>
    public bool JsonDecimalNumeric { get; init; }

    /// <summary>Schema cache size.</summary>
    public int SchemaCacheSize { get; init; } = 1000;

    /// <summary>Enhanced Avro schema support.</summary>
    public bool EnhancedAvroSchemaSupport { get; init; } = true;

    /// <summary>Connect metadata in Avro schemas.</summary>
    public bool ConnectMetaData { get; init; } = true;

    /// <summary>Top-level key prefix; empty omits it.</summary>
    public string TopicsDir { get; init; } = "topics";

    /// <summary>Key path separator.</summary>
    public string DirectoryDelim { get; init; } = "/";

    /// <summary>Object name separator.</summary>
    public string FileDelim { get; init; } = "+";

    /// <summary>The partitioner.</summary>
    public PartitionerKind Partitioner { get; init; } = PartitionerKind.Default;

    /// <summary>FieldPartitioner fields.</summary>
    public IReadOnlyList<string> PartitionFields { get; init; } = [];

    /// <summary>Time bucket size in ms (time-based partitioners).</summary>
    public long PartitionDurationMs { get; init; } = -1;

    /// <summary>Gets whether <see cref="PartitionDurationMs"/> was not configured but taken from the finest field of <see cref="PathFormat"/>.</summary>
    public bool PartitionDurationInferred { get; init; }

    /// <summary>Joda-Time pattern of time-based paths.</summary>
    public string PathFormat { get; init; } = "";

    /// <summary>Locale of time-based paths.</summary>
    public CultureInfo? Locale { get; init; }

    /// <summary>Zone of time-based paths and scheduled rotation, or null when not set.</summary>
    public TimeZoneInfo? Timezone { get; init; }

    /// <summary>Where time-based partitioners take time from.</summary>
    public TimestampExtractorKind TimestampExtractor { get; init; } = TimestampExtractorKind.Wallclock;

    /// <summary>RecordField's field path.</summary>
    public string TimestampField { get; init; } = "timestamp";

    /// <summary>Whether every put is staged durably in S3 (see the README's exactly-once design).</summary>
    public bool StagingEnabled { get; init; }

    /// <summary>Key prefix of staged records and checkpoints.</summary>
    public string StagingDir { get; init; } = "_connect-s3-staging";

    /// <summary>The connector name (part of staging keys).</summary>
    public string ConnectorName { get; init; } = "s3-sink";

    /// <summary>Whether the configured partitioner is time based.</summary>
    public bool IsTimeBased => Partitioner is PartitionerKind.TimeBased or PartitionerKind.Hourly or PartitionerKind.Daily;

    /// <summary>
    /// Whether object contents are exactly-once under any redelivery: deterministic partitioner and extractor, no
    /// scheduled rotation.
    /// </summary>
    public bool IsDeterministic =>
        RotateScheduleIntervalMs <= 0 && (!IsTimeBased || TimestampExtractor != TimestampExtractorKind.Wallclock);

    /// <summary>Validates a raw connector configuration and builds the options.</summary>
    /// <param name="props">The connector configuration (unknown keys such as <c>topics</c> are allowed).</param>
    /// <returns>The options.</returns>
    /// <exception cref="ConfigValidationException">A key is invalid or a cross-field rule is broken; the message names the key.</exception>
    public static S3SinkOptions FromConfig(IReadOnlyDictionary<string, string> props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var result = S3SinkConfig.Create().Validate(props);
        if (result.IsValid)
        {
            result = result.With(errors: S3SinkPlugin.CrossFieldProblems(result.Config!));
        }

        return FromParsed(result.EnsureValid());
    }

    /// <summary>Builds options from a configuration validated with <see cref="S3SinkConfig.Create"/> and <see cref="S3SinkPlugin.CrossFieldProblems"/>.</summary>
    /// <param name="config">The parsed configuration.</param>
    /// <returns>The options.</returns>
    public static S3SinkOptions FromParsed(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var partitioner = S3SinkPlugin.ParsePartitioner(config.GetClass(S3SinkConfig.PartitionerClass))!.Value;
        var pathFormat = config.GetString(S3SinkConfig.PathFormat) ?? "";
        var duration = S3SinkPlugin.EffectivePartitionDurationMs(config);
        var durationInferred = partitioner == PartitionerKind.TimeBased && config.GetLong(S3SinkConfig.PartitionDurationMs) < 0;
        if (partitioner == PartitionerKind.Hourly)
        {
            pathFormat = "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH";
            duration = 3_600_000;
        }
        else if (partitioner == PartitionerKind.Daily)
        {
            pathFormat = "'year'=YYYY/'month'=MM/'day'=dd";
            duration = 86_400_000;
        }

        var locale = config.GetString(S3SinkConfig.Locale) ?? "";
        var zone = config.GetString(S3SinkConfig.Timezone) ?? "";
        var separator = config.GetString(S3SinkConfig.ByteArraySeparator);
        return new S3SinkOptions
        {
            BucketName = config.GetString(S3SinkConfig.BucketName)!,
            Region = config.GetString(S3SinkConfig.Region) ?? "us-west-2",
            StoreUrl = S3SinkPlugin.ParseStoreUrl(config.GetString(S3SinkConfig.StoreUrl)),
            PathStyleAccess = config.GetBoolean(S3SinkConfig.PathStyleAccess),
            WanMode = config.GetBoolean(S3SinkConfig.WanMode),
            PartSize = config.GetInt(S3SinkConfig.PartSize),
            PartRetries = config.GetInt(S3SinkConfig.PartRetries),
            S3RetryBackoff = TimeSpan.FromMilliseconds(config.GetLong(S3SinkConfig.S3RetryBackoffMs)),
            RetryBackoff = TimeSpan.FromMilliseconds(config.GetLong(S3SinkConfig.RetryBackoffMs)),
            Gzip = config.GetString(S3SinkConfig.CompressionType) == "gzip",
            CompressionLevel = config.GetInt(S3SinkConfig.CompressionLevel),
            SseAlgorithm = config.GetString(S3SinkConfig.SseAlgorithm) ?? "",
            SseKmsKeyId = config.GetString(S3SinkConfig.SseKmsKeyId) ?? "",
            CannedAcl = config.GetString(S3SinkConfig.CannedAcl) is { Length: > 0 } acl ? acl : null,
            AccessKeyId = config.GetString(S3SinkConfig.AccessKeyId) ?? "",
            SecretAccessKey = config.GetPassword(S3SinkConfig.SecretAccessKey)?.Value ?? "",
            BehaviorOnNullValues = string.Equals(config.GetString(S3SinkConfig.BehaviorOnNullValues), "ignore", StringComparison.OrdinalIgnoreCase)
                ? NullValueBehavior.Ignore
                : NullValueBehavior.Fail,
            ReportNullValuesToDlq = config.GetBoolean(S3SinkConfig.ReportNullValuesToDlq),
            RotateFileOnPartitionChange = config.GetBoolean(S3SinkConfig.RotateFileOnPartitionChange),
            Format = S3SinkPlugin.ParseFormat(config.GetClass(S3SinkConfig.FormatClass)!),
            FlushSize = config.GetInt(S3SinkConfig.FlushSize),
            RotateIntervalMs = config.GetLong(S3SinkConfig.RotateIntervalMs),
            RotateScheduleIntervalMs = config.GetLong(S3SinkConfig.RotateScheduleIntervalMs),
            SchemaCompatibility = Enum.Parse<SchemaCompatibility>(config.GetString(S3SinkConfig.SchemaCompatibilityKey)!, ignoreCase: true),
            FilenameOffsetZeroPadWidth = config.GetInt(S3SinkConfig.FilenameOffsetZeroPadWidth),
            AvroCodec = config.GetString(S3SinkConfig.AvroCodec) ?? "null",
            ParquetCodec = config.GetString(S3SinkConfig.ParquetCodec) ?? "snappy",
            ParquetRowGroupRecords = config.GetInt(S3SinkConfig.ParquetRowGroupRecords),
            ByteArrayExtension = config.GetString(S3SinkConfig.ByteArrayExtension) ?? ".bin",
            ByteArraySeparator = Encoding.UTF8.GetBytes(separator ?? "\n"),
            JsonDecimalNumeric = string.Equals(config.GetString(S3SinkConfig.JsonDecimalFormat), "NUMERIC", StringComparison.OrdinalIgnoreCase),
            SchemaCacheSize = config.GetInt(S3SinkConfig.SchemaCacheSize),
            EnhancedAvroSchemaSupport = config.GetBoolean(S3SinkConfig.EnhancedAvroSchemaSupport),
            ConnectMetaData = config.GetBoolean(S3SinkConfig.ConnectMetaData),
            TopicsDir = (config.GetString(S3SinkConfig.TopicsDir) ?? "").Trim(),
            DirectoryDelim = config.GetString(S3SinkConfig.DirectoryDelim) ?? "/",
            FileDelim = config.GetString(S3SinkConfig.FileDelim) ?? "+",
            Partitioner = partitioner,
            PartitionFields = (config.GetList(S3SinkConfig.PartitionFieldName) ?? []).Where(f => f.Length > 0).ToArray(),
            PartitionDurationMs = duration,
            PartitionDurationInferred = durationInferred,
            PathFormat = pathFormat,
            Locale = locale.Length == 0 ? null : S3SinkPlugin.ParseLocale(locale),
            Timezone = zone.Length == 0 ? null : Serverless.Connect.Text.JodaDateTimeFormat.ParseZone(zone),
            TimestampExtractor = S3SinkPlugin.ParseExtractor(config.GetString(S3SinkConfig.TimestampExtractor))!.Value,
            TimestampField = config.GetString(S3SinkConfig.TimestampField) ?? "timestamp",
            StagingEnabled = config.GetBoolean(S3SinkConfig.StagingEnabled),
            StagingDir = (config.GetString(S3SinkConfig.StagingDir) ?? "_connect-s3-staging").Trim('/'),
            ConnectorName = config.Originals.TryGetValue("name", out var name) && name.Length > 0 ? name : "s3-sink",
        };
    }
}
