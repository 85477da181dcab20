using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>The Confluent Elasticsearch sink's configuration keys, defaults and <see cref="ConfigDef"/>.</summary>
/// <remarks>Keys and defaults follow <c>ElasticsearchSinkConnectorConfig</c> of kafka-connect-elasticsearch 15.x.</remarks>
public static class ElasticsearchSinkConfig
{
    /// <summary><c>connection.url</c>: one or more Elasticsearch URLs, used round-robin with failover.</summary>
    public const string ConnectionUrl = "connection.url";

    /// <summary><c>connection.username</c>: basic authentication user (used only together with the password).</summary>
    public const string ConnectionUsername = "connection.username";

    /// <summary><c>connection.password</c>: basic authentication password.</summary>
    public const string ConnectionPassword = "connection.password";

    /// <summary><c>connection.api.key</c>: an Elasticsearch API key (the base64 <c>encoded</c> form); an extension, Confluent has no such key.</summary>
    public const string ConnectionApiKey = "connection.api.key";

    /// <summary><c>connection.compression</c>: gzip request bodies.</summary>
    public const string ConnectionCompression = "connection.compression";

    /// <summary><c>connection.timeout.ms</c>: TCP connect timeout.</summary>
    public const string ConnectionTimeoutMs = "connection.timeout.ms";

    /// <summary><c>read.timeout.ms</c>: time allowed for one bulk request and its response.</summary>
    public const string ReadTimeoutMs = "read.timeout.ms";

    /// <summary><c>key.ignore</c>: use <c>topic+partition+offset</c> instead of the record key as the document id.</summary>
    public const string KeyIgnore = "key.ignore";

    /// <summary><c>schema.ignore</c>: write values without using their Connect schema.</summary>
    public const string SchemaIgnore = "schema.ignore";

    /// <summary><c>topic.key.ignore</c>: topics for which <c>key.ignore</c> is true.</summary>
    public const string TopicKeyIgnore = "topic.key.ignore";

    /// <summary><c>topic.schema.ignore</c>: topics for which <c>schema.ignore</c> is true.</summary>
    public const string TopicSchemaIgnore = "topic.schema.ignore";

    /// <summary><c>compact.map.entries</c>: write string-keyed maps as JSON objects rather than key/value entry arrays.</summary>
    public const string CompactMapEntries = "compact.map.entries";

    /// <summary><c>behavior.on.null.values</c>: <c>IGNORE</c>, <c>DELETE</c> or <c>FAIL</c>.</summary>
    public const string BehaviorOnNullValues = "behavior.on.null.values";

    /// <summary><c>behavior.on.malformed.documents</c>: <c>IGNORE</c>, <c>WARN</c> or <c>FAIL</c>.</summary>
    public const string BehaviorOnMalformedDocuments = "behavior.on.malformed.documents";

    /// <summary><c>write.method</c>: <c>INSERT</c> or <c>UPSERT</c>.</summary>
    public const string WriteMethodKey = "write.method";

    /// <summary><c>drop.invalid.message</c>: skip (and report) records that cannot be converted instead of failing.</summary>
    public const string DropInvalidMessage = "drop.invalid.message";

    /// <summary><c>batch.size</c>: maximum operations per bulk request.</summary>
    public const string BatchSize = "batch.size";

    /// <summary><c>bulk.size.bytes</c>: maximum uncompressed bulk body size; -1 disables the limit.</summary>
    public const string BulkSizeBytes = "bulk.size.bytes";

    /// <summary><c>max.in.flight.requests</c>: concurrent bulk requests.</summary>
    public const string MaxInFlightRequests = "max.in.flight.requests";

    /// <summary><c>max.buffered.records</c>: records converted and written together; larger batches are written in chunks of this size.</summary>
    public const string MaxBufferedRecords = "max.buffered.records";

    /// <summary><c>linger.ms</c>: Confluent's bulk processor flush interval.</summary>
    public const string LingerMs = "linger.ms";

    /// <summary><c>flush.timeout.ms</c>: upper bound for one put or flush, including retries.</summary>
    public const string FlushTimeoutMs = "flush.timeout.ms";

    /// <summary><c>max.retries</c>: retries after the first attempt of a bulk request or item.</summary>
    public const string MaxRetries = "max.retries";

    /// <summary><c>retry.backoff.ms</c>: base of the exponential full-jitter backoff.</summary>
    public const string RetryBackoffMs = "retry.backoff.ms";

    /// <summary><c>data.stream.type</c>: <c>LOGS</c>, <c>METRICS</c> or <c>NONE</c>.</summary>
    public const string DataStreamTypeKey = "data.stream.type";

    /// <summary><c>data.stream.dataset</c>: the data stream dataset.</summary>
    public const string DataStreamDataset = "data.stream.dataset";

    /// <summary><c>data.stream.namespace</c>: the data stream namespace; <c>${topic}</c> stands for the lowercased topic.</summary>
    public const string DataStreamNamespace = "data.stream.namespace";

    /// <summary><c>data.stream.timestamp.field</c>: fields copied into <c>@timestamp</c>, first present wins.</summary>
    public const string DataStreamTimestampField = "data.stream.timestamp.field";

    /// <summary><c>use.autogenerated.ids</c>: with INSERT, let Elasticsearch generate ids (no <c>_id</c>, at-least-once).</summary>
    public const string UseAutogeneratedIds = "use.autogenerated.ids";

    /// <summary><c>external.version.header</c>: header whose numeric value replaces the offset as the external version.</summary>
    public const string ExternalVersionHeader = "external.version.header";

    /// <summary><c>max.connection.idle.time.ms</c>: how long an idle pooled connection is kept.</summary>
    public const string MaxConnectionIdleTimeMs = "max.connection.idle.time.ms";

    /// <summary><c>flush.synchronously</c>: accepted for compatibility; writes here are always synchronous.</summary>
    public const string FlushSynchronously = "flush.synchronously";

    /// <summary>The <c>${topic}</c> placeholder of <c>data.stream.namespace</c>.</summary>
    public const string TopicPlaceholder = "${topic}";

    private const string TypeName = "type.name";

    /// <summary>Creates the connector's <see cref="ConfigDef"/> (connector keys only; Connect-level keys are checked separately).</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef Create() => new ConfigDef()
        .Define(ConnectionUrl, ConfigType.List, ConfigDef.NoDefaultValue, UrlValidator, Importance.High,
            "Comma-separated Elasticsearch URLs; requests rotate over them and fail over on errors.")
        .Define(ConnectionUsername, ConfigType.String, null, null, Importance.Medium, "Basic authentication user.")
        .Define(ConnectionPassword, ConfigType.Password, null, null, Importance.Medium, "Basic authentication password.")
        .Define(ConnectionApiKey, ConfigType.Password, null, null, Importance.Medium,
            "Extension: Elasticsearch API key (base64 'encoded' form), sent as 'Authorization: ApiKey <key>'.")
        .Define(ConnectionCompression, ConfigType.Boolean, false, null, Importance.Low, "Gzip bulk request bodies.")
        .Define(ConnectionTimeoutMs, ConfigType.Int, 1000, NumberRange.AtLeast(0), Importance.Low, "Connect timeout in ms.")
        .Define(ReadTimeoutMs, ConfigType.Int, 3000, NumberRange.AtLeast(0), Importance.Low, "Request timeout in ms.")
        .Define(MaxConnectionIdleTimeMs, ConfigType.Int, 60000, NumberRange.AtLeast(-1), Importance.Low,
            "Idle time after which a pooled connection is closed; -1 keeps connections.")
        .Define(FlushSynchronously, ConfigType.Boolean, false, null, Importance.Low,
            "Accepted for compatibility: every put waits for its bulk requests, so topic-renaming SMTs always work.")
        .Define(KeyIgnore, ConfigType.Boolean, false, null, Importance.High, "Use topic+partition+offset as the document id.")
        .Define(SchemaIgnore, ConfigType.Boolean, false, null, Importance.Low, "Ignore the Connect schema of values.")
        .Define(TopicKeyIgnore, ConfigType.List, "", null, Importance.Low, "Topics whose keys are ignored.")
        .Define(TopicSchemaIgnore, ConfigType.List, "", null, Importance.Low, "Topics whose value schemas are ignored.")
        .Define(CompactMapEntries, ConfigType.Boolean, true, null, Importance.Low, "Write string-keyed maps as objects.")
        .Define(BehaviorOnNullValues, ConfigType.String, "FAIL", CaseInsensitiveValidString.In("IGNORE", "DELETE", "FAIL"),
            Importance.Low, "What to do with null-valued records.")
        .Define(BehaviorOnMalformedDocuments, ConfigType.String, "FAIL", CaseInsensitiveValidString.In("IGNORE", "WARN", "FAIL"),
            Importance.Low, "What to do with documents Elasticsearch rejects as malformed.")
        .Define(WriteMethodKey, ConfigType.String, "INSERT", CaseInsensitiveValidString.In("INSERT", "UPSERT"),
            Importance.Low, "INSERT replaces documents; UPSERT merges into them.")
        .Define(DropInvalidMessage, ConfigType.Boolean, false, null, Importance.Low, "Skip records that cannot be converted.")
        .Define(UseAutogeneratedIds, ConfigType.Boolean, false, null, Importance.Low,
            "With INSERT, omit document ids so Elasticsearch generates them (duplicates on replay).")
        .Define(ExternalVersionHeader, ConfigType.String, "", null, Importance.Low,
            "Header whose numeric value is used as the external version instead of the Kafka offset.")
        .Define(BatchSize, ConfigType.Int, 2000, NumberRange.Between(1, 1_000_000), Importance.Low, "Operations per bulk request.")
        .Define(BulkSizeBytes, ConfigType.Long, 5L * 1024 * 1024, NumberRange.AtLeast(-1L), Importance.Low,
            "Maximum bulk body bytes; -1 disables the limit.")
        .Define(MaxInFlightRequests, ConfigType.Int, 5, NumberRange.Between(1, 1000), Importance.Medium, "Concurrent bulk requests.")
        .Define(MaxBufferedRecords, ConfigType.Int, 20000, NumberRange.AtLeast(1), Importance.Low, "Records written together per chunk.")
        .Define(LingerMs, ConfigType.Long, 1L, NumberRange.Between(0, 604_800_000), Importance.Low, "Bulk flush interval.")
        .Define(FlushTimeoutMs, ConfigType.Long, 180_000L, NumberRange.Between(1000, 604_800_000), Importance.Low,
            "Timeout of one put or flush including retries.")
        .Define(MaxRetries, ConfigType.Int, 5, NumberRange.AtLeast(0), Importance.Low, "Retries of a failed bulk request or item.")
        .Define(RetryBackoffMs, ConfigType.Long, 100L, NumberRange.AtLeast(0L), Importance.Low, "Initial retry backoff in ms.")
        .Define(DataStreamTypeKey, ConfigType.String, "NONE", CaseInsensitiveValidString.In("LOGS", "METRICS", "NONE"),
            Importance.Low, "Data stream type.")
        .Define(DataStreamDataset, ConfigType.String, "", DataStreamPartValidator, Importance.Low, "Data stream dataset.")
        .Define(DataStreamNamespace, ConfigType.String, TopicPlaceholder, DataStreamPartValidator, Importance.Low,
            "Data stream namespace.")
        .Define(DataStreamTimestampField, ConfigType.List, "", null, Importance.Low, "Fields copied into @timestamp.")
        .DefineRemoved(TypeName, "removed in kafka-connect-elasticsearch 11.0.0; Elasticsearch 7+ is typeless")
        .DefineRemoved("topic.index.map", "removed in kafka-connect-elasticsearch 11.0.0; indices are named after topics")
        .DefineRemoved("auto.create.indices.at.start", "removed in kafka-connect-elasticsearch 11.0.0");

    private static readonly IConfigValidator UrlValidator = LambdaValidator.With(
        (name, value) =>
        {
            var urls = (IReadOnlyList<string>?)value ?? [];
            if (urls.Count == 0 || urls.Any(string.IsNullOrWhiteSpace))
            {
                throw new ConfigException($"Invalid value {string.Join(",", urls)} for configuration {name}: Expected at least one non-empty URL");
            }

            foreach (var url in urls)
            {
                if (!Internal.UrlList.TryNormalize(url, out _))
                {
                    throw new ConfigException($"Invalid value {url} for configuration {name}: Not a valid http(s) URL");
                }
            }
        },
        "A list of http(s) URLs");

    private static readonly IConfigValidator DataStreamPartValidator = LambdaValidator.With(
        (name, value) =>
        {
            var text = (string?)value ?? "";
            if (text == TopicPlaceholder || text.Length == 0)
            {
                return;
            }

            if (text.Length > 100 || text.Any(c => char.IsUpper(c) || "\\/*?\"<>| ,#-:".Contains(c, StringComparison.Ordinal)))
            {
                throw new ConfigException(
                    $"Invalid value {text} for configuration {name}: must be at most 100 lowercase characters without \\/*?\"<>| ,#-:");
            }
        },
        "Lowercase, at most 100 characters, none of \\/*?\"<>| ,#-:");
}
