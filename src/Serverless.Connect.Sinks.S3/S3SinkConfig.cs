using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sinks.S3;

/// <summary>The Confluent S3 sink's configuration keys, defaults and <see cref="ConfigDef"/>.</summary>
/// <remarks>
/// Keys and defaults follow <c>S3SinkConnectorConfig</c> of kafka-connect-storage-cloud 11.x/12.x and the storage-common
/// <c>StorageSinkConnectorConfig</c>, <c>StorageCommonConfig</c> and <c>PartitionerConfig</c>.
/// </remarks>
public static class S3SinkConfig
{
    /// <summary><c>s3.bucket.name</c>: the bucket objects are written to.</summary>
    public const string BucketName = "s3.bucket.name";

    /// <summary><c>s3.region</c>: the AWS region (also the signing region of a custom endpoint).</summary>
    public const string Region = "s3.region";

    /// <summary><c>store.url</c>: endpoint of an S3-compatible store; empty uses AWS.</summary>
    public const string StoreUrl = "store.url";

    /// <summary><c>s3.path.style.access.enabled</c>: path-style instead of virtual-host URLs.</summary>
    public const string PathStyleAccess = "s3.path.style.access.enabled";

    /// <summary><c>s3.wan.mode</c>: S3 transfer acceleration.</summary>
    public const string WanMode = "s3.wan.mode";

    /// <summary><c>storage.class</c>: must be <c>io.confluent.connect.s3.storage.S3Storage</c>.</summary>
    public const string StorageClass = "storage.class";

    /// <summary><c>s3.part.size</c>: multipart part size in bytes (5 MiB to 2 GiB - 1).</summary>
    public const string PartSize = "s3.part.size";

    /// <summary><c>s3.part.retries</c>: attempts of each S3 request.</summary>
    public const string PartRetries = "s3.part.retries";

    /// <summary><c>s3.retry.backoff.ms</c>: base of the SDK's retry backoff.</summary>
    public const string S3RetryBackoffMs = "s3.retry.backoff.ms";

    /// <summary><c>retry.backoff.ms</c>: pause before a partition is rewritten after a retriable failure.</summary>
    public const string RetryBackoffMs = "retry.backoff.ms";

    /// <summary><c>s3.compression.type</c>: <c>none</c> or <c>gzip</c> (JSON and ByteArray only).</summary>
    public const string CompressionType = "s3.compression.type";

    /// <summary><c>s3.compression.level</c>: gzip level, -1 for the default.</summary>
    public const string CompressionLevel = "s3.compression.level";

    /// <summary><c>s3.ssea.name</c>: server-side encryption algorithm (<c>AES256</c>, <c>aws:kms</c>).</summary>
    public const string SseAlgorithm = "s3.ssea.name";

    /// <summary><c>s3.sse.kms.key.id</c>: KMS key for <c>aws:kms</c>.</summary>
    public const string SseKmsKeyId = "s3.sse.kms.key.id";

    /// <summary><c>s3.acl.canned</c>: canned ACL of written objects.</summary>
    public const string CannedAcl = "s3.acl.canned";

    /// <summary><c>s3.credentials.provider.class</c>: accepted; credentials come from the AWS default chain.</summary>
    public const string CredentialsProviderClass = "s3.credentials.provider.class";

    /// <summary><c>aws.access.key.id</c>: static access key (with <c>aws.secret.access.key</c>).</summary>
    public const string AccessKeyId = "aws.access.key.id";

    /// <summary><c>aws.secret.access.key</c>: static secret key.</summary>
    public const string SecretAccessKey = "aws.secret.access.key";

    /// <summary><c>enable.conditional.writes</c>: accepted; objects are written idempotently (see the README).</summary>
    public const string EnableConditionalWrites = "enable.conditional.writes";

    /// <summary><c>behavior.on.null.values</c>: <c>fail</c> or <c>ignore</c>.</summary>
    public const string BehaviorOnNullValues = "behavior.on.null.values";

    /// <summary><c>report.null.values.to.dlq</c>: report ignored null values to the errant record reporter.</summary>
    public const string ReportNullValuesToDlq = "report.null.values.to.dlq";

    /// <summary><c>store.kafka.keys</c>: not supported (must be false).</summary>
    public const string StoreKafkaKeys = "store.kafka.keys";

    /// <summary><c>store.kafka.headers</c>: not supported (must be false).</summary>
    public const string StoreKafkaHeaders = "store.kafka.headers";

    /// <summary><c>s3.object.tagging</c>: not supported (must be false).</summary>
    public const string ObjectTagging = "s3.object.tagging";

    /// <summary><c>s3.schema.partition.affix.type</c>: only <c>NONE</c>.</summary>
    public const string SchemaPartitionAffixType = "s3.schema.partition.affix.type";

    /// <summary><c>rotate.file.on.partition.change</c>: with <c>rotate.interval.ms</c>, rotate when the encoded partition changes.</summary>
    public const string RotateFileOnPartitionChange = "rotate.file.on.partition.change";

    /// <summary><c>format.class</c>: the object format.</summary>
    public const string FormatClass = "format.class";

    /// <summary><c>flush.size</c>: records per topic partition before files are committed.</summary>
    public const string FlushSize = "flush.size";

    /// <summary><c>rotate.interval.ms</c>: record-time rotation interval (TimeBasedPartitioner only); -1 disables.</summary>
    public const string RotateIntervalMs = "rotate.interval.ms";

    /// <summary><c>rotate.schedule.interval.ms</c>: wall-clock rotation interval; -1 disables.</summary>
    public const string RotateScheduleIntervalMs = "rotate.schedule.interval.ms";

    /// <summary><c>schema.compatibility</c>: <c>NONE</c>, <c>BACKWARD</c>, <c>FORWARD</c> or <c>FULL</c>.</summary>
    public const string SchemaCompatibilityKey = "schema.compatibility";

    /// <summary><c>filename.offset.zero.pad.width</c>: digits of the start offset in object names.</summary>
    public const string FilenameOffsetZeroPadWidth = "filename.offset.zero.pad.width";

    /// <summary><c>avro.codec</c>: <c>null</c> or <c>deflate</c>.</summary>
    public const string AvroCodec = "avro.codec";

    /// <summary><c>parquet.codec</c>: <c>none</c>, <c>snappy</c>, <c>gzip</c>, <c>brotli</c>, <c>lz4</c>, <c>lz4_raw</c> or <c>zstd</c>.</summary>
    public const string ParquetCodec = "parquet.codec";

    /// <summary><c>format.bytearray.extension</c>: extension of ByteArrayFormat objects.</summary>
    public const string ByteArrayExtension = "format.bytearray.extension";

    /// <summary><c>format.bytearray.separator</c>: bytes written after each ByteArrayFormat record.</summary>
    public const string ByteArraySeparator = "format.bytearray.separator";

    /// <summary><c>json.decimal.format</c>: <c>BASE64</c> or <c>NUMERIC</c>.</summary>
    public const string JsonDecimalFormat = "json.decimal.format";

    /// <summary><c>schema.cache.size</c>: Connect-to-Avro schema cache size.</summary>
    public const string SchemaCacheSize = "schema.cache.size";

    /// <summary><c>enhanced.avro.schema.support</c>: Avro enum and union round trips.</summary>
    public const string EnhancedAvroSchemaSupport = "enhanced.avro.schema.support";

    /// <summary><c>connect.meta.data</c>: Connect metadata in Avro schemas.</summary>
    public const string ConnectMetaData = "connect.meta.data";

    /// <summary><c>shutdown.timeout.ms</c>: accepted for compatibility.</summary>
    public const string ShutdownTimeoutMs = "shutdown.timeout.ms";

    /// <summary><c>topics.dir</c>: top-level prefix of object keys; blank omits it.</summary>
    public const string TopicsDir = "topics.dir";

    /// <summary><c>directory.delim</c>: separator of key path segments.</summary>
    public const string DirectoryDelim = "directory.delim";

    /// <summary><c>file.delim</c>: separator inside object names.</summary>
    public const string FileDelim = "file.delim";

    /// <summary><c>partitioner.class</c>: Default, Field, TimeBased, Hourly or Daily partitioner.</summary>
    public const string PartitionerClass = "partitioner.class";

    /// <summary><c>partition.field.name</c>: FieldPartitioner fields (dotted paths allowed).</summary>
    public const string PartitionFieldName = "partition.field.name";

    /// <summary><c>partition.duration.ms</c>: TimeBasedPartitioner bucket size.</summary>
    public const string PartitionDurationMs = "partition.duration.ms";

    /// <summary><c>path.format</c>: Joda-Time pattern of time-based encoded partitions.</summary>
    public const string PathFormat = "path.format";

    /// <summary><c>locale</c>: locale of time-based paths.</summary>
    public const string Locale = "locale";

    /// <summary><c>timezone</c>: zone of time-based paths and scheduled rotation.</summary>
    public const string Timezone = "timezone";

    /// <summary><c>timestamp.extractor</c>: <c>Wallclock</c>, <c>Record</c> or <c>RecordField</c>.</summary>
    public const string TimestampExtractor = "timestamp.extractor";

    /// <summary><c>timestamp.field</c>: RecordField's field (dotted paths allowed).</summary>
    public const string TimestampField = "timestamp.field";

    /// <summary><c>s3.staging.enabled</c> (extension): make every put durable in S3 (required when the host commits without <c>preCommit</c>).</summary>
    public const string StagingEnabled = "s3.staging.enabled";

    /// <summary><c>s3.staging.dir</c> (extension): key prefix of staged records and partition checkpoints.</summary>
    public const string StagingDir = "s3.staging.dir";

    /// <summary><c>parquet.row.group.records</c> (extension): records buffered before a Parquet row group is written.</summary>
    public const string ParquetRowGroupRecords = "parquet.row.group.records";

    /// <summary>The only <c>storage.class</c>.</summary>
    public const string S3StorageClass = "io.confluent.connect.s3.storage.S3Storage";

    /// <summary>Confluent's AvroFormat class.</summary>
    public const string AvroFormatClass = "io.confluent.connect.s3.format.avro.AvroFormat";

    /// <summary>Confluent's JsonFormat class.</summary>
    public const string JsonFormatClass = "io.confluent.connect.s3.format.json.JsonFormat";

    /// <summary>Confluent's ParquetFormat class.</summary>
    public const string ParquetFormatClass = "io.confluent.connect.s3.format.parquet.ParquetFormat";

    /// <summary>Confluent's ByteArrayFormat class.</summary>
    public const string ByteArrayFormatClass = "io.confluent.connect.s3.format.bytearray.ByteArrayFormat";

    /// <summary>The storage-common partitioner package.</summary>
    public const string PartitionerPackage = "io.confluent.connect.storage.partitioner.";

    /// <summary>Creates the connector's <see cref="ConfigDef"/> (connector keys only; Connect-level keys are checked separately).</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef Create() => new ConfigDef()
        .Define(BucketName, ConfigType.String, ConfigDef.NoDefaultValue, new NonEmptyString(), Importance.High, "The S3 bucket.")
        .Define(Region, ConfigType.String, "us-west-2", null, Importance.Medium, "The AWS region.")
        .Define(StoreUrl, ConfigType.String, null, null, Importance.High, "Endpoint of an S3-compatible store.")
        .Define(PathStyleAccess, ConfigType.Boolean, true, null, Importance.Low, "Use path-style access.")
        .Define(WanMode, ConfigType.Boolean, false, null, Importance.Medium, "Use S3 transfer acceleration.")
        .Define(StorageClass, ConfigType.Class, ConfigDef.NoDefaultValue, ValidString.In(S3StorageClass), Importance.High,
            "The storage class; only S3Storage.")
        .Define(PartSize, ConfigType.Int, 26_214_400, NumberRange.Between(5 * 1024 * 1024, int.MaxValue), Importance.High,
            "The multipart upload part size in bytes.")
        .Define(PartRetries, ConfigType.Int, 3, NumberRange.AtLeast(0), Importance.Medium, "Attempts of each S3 request.")
        .Define(S3RetryBackoffMs, ConfigType.Long, 200L, NumberRange.Between(0, 86_400_000), Importance.Low, "S3 retry backoff.")
        .Define(RetryBackoffMs, ConfigType.Long, 5000L, NumberRange.AtLeast(0L), Importance.Low,
            "Pause before a partition is rewritten after a retriable failure.")
        .Define(CompressionType, ConfigType.String, "none", ValidString.In("none", "gzip"), Importance.Low, "Object compression.")
        .Define(CompressionLevel, ConfigType.Int, -1, NumberRange.Between(-1, 9), Importance.Low, "Gzip level.")
        .Define(SseAlgorithm, ConfigType.String, "", null, Importance.Low, "Server-side encryption algorithm.")
        .Define(SseKmsKeyId, ConfigType.String, "", null, Importance.Low, "KMS key id for aws:kms.")
        .Define(CannedAcl, ConfigType.String, null, null, Importance.Low, "Canned ACL of written objects.")
        .Define(CredentialsProviderClass, ConfigType.Class, "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider", null,
            Importance.Low, "Accepted; credentials come from the AWS default chain unless aws.access.key.id is set.")
        .Define(AccessKeyId, ConfigType.String, "", null, Importance.High, "Static AWS access key id.")
        .Define(SecretAccessKey, ConfigType.Password, "", null, Importance.High, "Static AWS secret access key.")
        .Define(EnableConditionalWrites, ConfigType.Boolean, true, null, Importance.Low,
            "Accepted; object writes are idempotent by construction (see the sink README).")
        .Define(BehaviorOnNullValues, ConfigType.String, "fail", CaseInsensitiveValidString.In("ignore", "fail", "write"), Importance.Low,
            "What to do with null-valued records.")
        .Define(ReportNullValuesToDlq, ConfigType.Boolean, true, null, Importance.Low, "Report ignored null values.")
        .Define(StoreKafkaKeys, ConfigType.Boolean, false, null, Importance.Low, "Not supported.")
        .Define(StoreKafkaHeaders, ConfigType.Boolean, false, null, Importance.Low, "Not supported.")
        .Define(ObjectTagging, ConfigType.Boolean, false, null, Importance.Low, "Not supported.")
        .Define(SchemaPartitionAffixType, ConfigType.String, "NONE", CaseInsensitiveValidString.In("NONE", "PREFIX", "SUFFIX"),
            Importance.Low, "Only NONE.")
        .Define(RotateFileOnPartitionChange, ConfigType.Boolean, true, null, Importance.Low,
            "With rotate.interval.ms, rotate when the encoded partition changes.")
        .Define(FormatClass, ConfigType.Class, ConfigDef.NoDefaultValue,
            ValidString.In(AvroFormatClass, JsonFormatClass, ParquetFormatClass, ByteArrayFormatClass), Importance.High, "The object format.")
        .Define(FlushSize, ConfigType.Int, ConfigDef.NoDefaultValue, NumberRange.AtLeast(1), Importance.High,
            "Records per topic partition before the files are committed.")
        .Define(RotateIntervalMs, ConfigType.Long, -1L, null, Importance.High, "Record-time rotation interval.")
        .Define(RotateScheduleIntervalMs, ConfigType.Long, -1L, null, Importance.Medium, "Wall-clock rotation interval.")
        .Define(SchemaCompatibilityKey, ConfigType.String, "NONE", CaseInsensitiveValidString.In("NONE", "BACKWARD", "FORWARD", "FULL"),
            Importance.High, "Schema compatibility.")
        .Define(FilenameOffsetZeroPadWidth, ConfigType.Int, 10, NumberRange.AtLeast(0), Importance.Low, "Offset digits in names.")
        .Define(AvroCodec, ConfigType.String, "null", ValidString.In("null", "deflate", "snappy", "bzip2"), Importance.Low, "Avro codec.")
        .Define(ParquetCodec, ConfigType.String, "snappy",
            ValidString.In("none", "snappy", "gzip", "lzo", "brotli", "lz4", "lz4_raw", "zstd"), Importance.Low, "Parquet codec.")
        .Define(ByteArrayExtension, ConfigType.String, ".bin", null, Importance.Low, "ByteArrayFormat extension.")
        .Define(ByteArraySeparator, ConfigType.String, null, null, Importance.Low, "ByteArrayFormat separator (default a newline).")
        .Define(JsonDecimalFormat, ConfigType.String, "BASE64", CaseInsensitiveValidString.In("BASE64", "NUMERIC"), Importance.Low,
            "JSON decimal format.")
        .Define(SchemaCacheSize, ConfigType.Int, 1000, NumberRange.AtLeast(0), Importance.Low, "Schema cache size.")
        .Define(EnhancedAvroSchemaSupport, ConfigType.Boolean, true, null, Importance.Low, "Enhanced Avro schema support.")
        .Define(ConnectMetaData, ConfigType.Boolean, true, null, Importance.Low, "Connect metadata in Avro schemas.")
        .Define(ShutdownTimeoutMs, ConfigType.Long, 3000L, NumberRange.AtLeast(0L), Importance.Medium, "Accepted for compatibility.")
        .Define(TopicsDir, ConfigType.String, "topics", null, Importance.High, "Top-level key prefix.")
        .Define(DirectoryDelim, ConfigType.String, "/", null, Importance.Medium, "Key path separator.")
        .Define(FileDelim, ConfigType.String, "+", null, Importance.Medium, "Object name separator.")
        .Define(PartitionerClass, ConfigType.Class, PartitionerPackage + "DefaultPartitioner", null, Importance.High, "The partitioner.")
        .Define(PartitionFieldName, ConfigType.List, "", null, Importance.Medium, "FieldPartitioner fields.")
        .Define(PartitionDurationMs, ConfigType.Long, -1L, NumberRange.AtLeast(-1L), Importance.Medium, "Time bucket size.")
        .Define(PathFormat, ConfigType.String, "", null, Importance.Medium, "Joda-Time pattern of time-based paths.")
        .Define(Locale, ConfigType.String, "", null, Importance.Medium, "Locale of time-based paths.")
        .Define(Timezone, ConfigType.String, "", null, Importance.Medium, "Zone of time-based paths.")
        .Define(TimestampExtractor, ConfigType.String, "Wallclock", null, Importance.Medium, "Wallclock, Record or RecordField.")
        .Define(TimestampField, ConfigType.String, "timestamp", null, Importance.Medium, "RecordField's field.")
        .Define(StagingEnabled, ConfigType.Boolean, false, null, Importance.Medium,
            "Extension: stage every put in S3 so that offsets may be committed after each batch.")
        .Define(StagingDir, ConfigType.String, "_connect-s3-staging", new NonEmptyString(), Importance.Low,
            "Extension: key prefix of staged records and checkpoints (keep it outside topics.dir).")
        .Define(ParquetRowGroupRecords, ConfigType.Int, 50_000, NumberRange.AtLeast(1), Importance.Low,
            "Extension: records per Parquet row group (bounded by flush.size).");
}
