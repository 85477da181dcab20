using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Sinks.Elasticsearch.Internal;

namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>The typed, validated settings of an Elasticsearch sink task.</summary>
public sealed record ElasticsearchSinkOptions
{
    /// <summary>The Elasticsearch base URLs (normalized: scheme added, trailing slash removed).</summary>
    public required IReadOnlyList<Uri> ConnectionUrls { get; init; }

    /// <summary>Basic authentication user, or null.</summary>
    public string? Username { get; init; }

    /// <summary>Basic authentication password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>API key (base64 encoded form), or null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Whether request bodies are gzipped.</summary>
    public bool Compression { get; init; }

    /// <summary>TCP connect timeout.</summary>
    /// <value>Defaults to 1 s.</value>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one bulk request including reading its response.</summary>
    /// <value>Defaults to 3 s.</value>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Whether record keys are ignored for every topic.</summary>
    public bool KeyIgnore { get; init; }

    /// <summary>Whether value schemas are ignored for every topic.</summary>
    public bool SchemaIgnore { get; init; }

    /// <summary>Topics whose keys are ignored.</summary>
    public IReadOnlySet<string> TopicKeyIgnore { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Topics whose value schemas are ignored.</summary>
    public IReadOnlySet<string> TopicSchemaIgnore { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether string-keyed maps are written as JSON objects.</summary>
    /// <value>Defaults to true.</value>
    public bool CompactMapEntries { get; init; } = true;

    /// <summary>What to do with null values.</summary>
    /// <value>Defaults to <see cref="NullValueBehavior.Fail"/>.</value>
    public NullValueBehavior BehaviorOnNullValues { get; init; } = NullValueBehavior.Fail;

    /// <summary>What to do with malformed documents.</summary>
    /// <value>Defaults to <see cref="MalformedDocumentBehavior.Fail"/>.</value>
    public MalformedDocumentBehavior BehaviorOnMalformedDocuments { get; init; } = MalformedDocumentBehavior.Fail;

    /// <summary>How documents are written.</summary>
    /// <value>Defaults to <see cref="WriteMethod.Insert"/>.</value>
    public WriteMethod WriteMethod { get; init; } = WriteMethod.Insert;

    /// <summary>Whether unconvertible records are reported and skipped instead of failing.</summary>
    public bool DropInvalidMessage { get; init; }

    /// <summary>Maximum operations per bulk request.</summary>
    /// <value>Defaults to 2000.</value>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Maximum uncompressed bulk body bytes, or -1 for no limit.</summary>
    /// <value>Defaults to 5 MiB.</value>
    public long BulkSizeBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>Concurrent bulk requests.</summary>
    /// <value>Defaults to 5.</value>
    public int MaxInFlightRequests { get; init; } = 5;

    /// <summary>Maximum records accepted by one <see cref="ElasticsearchSinkTask.PutAsync"/> call.</summary>
    /// <value>Defaults to 20000.</value>
    public int MaxBufferedRecords { get; init; } = 20000;

    /// <summary>Upper bound for one put including retries; exceeding it leaves the remaining records retriable.</summary>
    /// <value>Defaults to 3 minutes.</value>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt.</summary>
    /// <value>Defaults to 5.</value>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Base of the exponential full-jitter backoff.</summary>
    /// <value>Defaults to 100 ms.</value>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The data stream type; <see cref="DataStreamType.None"/> writes to indices named after topics.</summary>
    public DataStreamType DataStreamType { get; init; } = DataStreamType.None;

    /// <summary>The data stream dataset.</summary>
    public string DataStreamDataset { get; init; } = "";

    /// <summary>The data stream namespace (<c>${topic}</c> = lowercased topic).</summary>
    public string DataStreamNamespace { get; init; } = ElasticsearchSinkConfig.TopicPlaceholder;

    /// <summary>Fields whose value is copied into <c>@timestamp</c>; empty uses the record timestamp.</summary>
    public IReadOnlyList<string> DataStreamTimestampFields { get; init; } = [];

    /// <summary>Whether records go to data streams.</summary>
    public bool IsDataStream => DataStreamType != DataStreamType.None;

    /// <summary>Whether the key of <paramref name="topic"/> is ignored.</summary>
    /// <param name="topic">The record topic.</param>
    /// <returns>True when documents of that topic get <c>topic+partition+offset</c> ids.</returns>
    public bool ShouldIgnoreKey(string topic) => KeyIgnore || TopicKeyIgnore.Contains(topic);

    /// <summary>Whether the value schema of <paramref name="topic"/> is ignored.</summary>
    /// <param name="topic">The record topic.</param>
    /// <returns>True when values of that topic are written schemaless.</returns>
    public bool ShouldIgnoreSchema(string topic) => SchemaIgnore || TopicSchemaIgnore.Contains(topic);

    /// <summary>Validates a raw connector configuration and builds the options.</summary>
    /// <param name="props">The connector configuration (unknown keys such as <c>topics</c> are allowed).</param>
    /// <returns>The options.</returns>
    /// <exception cref="ConfigValidationException">A key is invalid, or a cross-field rule is broken; the message names the key.</exception>
    public static ElasticsearchSinkOptions FromConfig(IReadOnlyDictionary<string, string> props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var result = ElasticsearchSinkConfig.Create().Validate(props);
        if (result.IsValid)
        {
            result = result.With(errors: ElasticsearchSinkPlugin.CrossFieldProblems(result.Config!));
        }

        return FromParsed(result.EnsureValid());
    }

    /// <summary>Builds options from an already validated configuration.</summary>
    /// <param name="config">A configuration parsed with <see cref="ElasticsearchSinkConfig.Create"/>.</param>
    /// <returns>The options.</returns>
    public static ElasticsearchSinkOptions FromParsed(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ElasticsearchSinkOptions
        {
            ConnectionUrls = UrlList.Normalize(config.GetList(ElasticsearchSinkConfig.ConnectionUrl) ?? []),
            Username = config.GetString(ElasticsearchSinkConfig.ConnectionUsername),
            Password = config.GetPassword(ElasticsearchSinkConfig.ConnectionPassword)?.Value,
            ApiKey = config.GetPassword(ElasticsearchSinkConfig.ConnectionApiKey)?.Value,
            Compression = config.GetBoolean(ElasticsearchSinkConfig.ConnectionCompression),
            ConnectionTimeout = TimeSpan.FromMilliseconds(config.GetInt(ElasticsearchSinkConfig.ConnectionTimeoutMs)),
            ReadTimeout = TimeSpan.FromMilliseconds(config.GetInt(ElasticsearchSinkConfig.ReadTimeoutMs)),
            KeyIgnore = config.GetBoolean(ElasticsearchSinkConfig.KeyIgnore),
            SchemaIgnore = config.GetBoolean(ElasticsearchSinkConfig.SchemaIgnore),
            TopicKeyIgnore = ToSet(config.GetList(ElasticsearchSinkConfig.TopicKeyIgnore)),
            TopicSchemaIgnore = ToSet(config.GetList(ElasticsearchSinkConfig.TopicSchemaIgnore)),
            CompactMapEntries = config.GetBoolean(ElasticsearchSinkConfig.CompactMapEntries),
            BehaviorOnNullValues = ParseEnum<NullValueBehavior>(config, ElasticsearchSinkConfig.BehaviorOnNullValues),
            BehaviorOnMalformedDocuments = ParseEnum<MalformedDocumentBehavior>(config, ElasticsearchSinkConfig.BehaviorOnMalformedDocuments),
            WriteMethod = ParseEnum<WriteMethod>(config, ElasticsearchSinkConfig.WriteMethodKey),
            DropInvalidMessage = config.GetBoolean(ElasticsearchSinkConfig.DropInvalidMessage),
            BatchSize = config.GetInt(ElasticsearchSinkConfig.BatchSize),
            BulkSizeBytes = config.GetLong(ElasticsearchSinkConfig.BulkSizeBytes),
            MaxInFlightRequests = config.GetInt(ElasticsearchSinkConfig.MaxInFlightRequests),
            MaxBufferedRecords = config.GetInt(ElasticsearchSinkConfig.MaxBufferedRecords),
            FlushTimeout = TimeSpan.FromMilliseconds(config.GetLong(ElasticsearchSinkConfig.FlushTimeoutMs)),
            MaxRetries = config.GetInt(ElasticsearchSinkConfig.MaxRetries),
            RetryBackoff = TimeSpan.FromMilliseconds(config.GetLong(ElasticsearchSinkConfig.RetryBackoffMs)),
            DataStreamType = ParseEnum<DataStreamType>(config, ElasticsearchSinkConfig.DataStreamTypeKey),
            DataStreamDataset = config.GetString(ElasticsearchSinkConfig.DataStreamDataset) ?? "",
            DataStreamNamespace = config.GetString(ElasticsearchSinkConfig.DataStreamNamespace) ?? ElasticsearchSinkConfig.TopicPlaceholder,
            DataStreamTimestampFields = config.GetList(ElasticsearchSinkConfig.DataStreamTimestampField) ?? [],
        };
    }

    private static HashSet<string> ToSet(IReadOnlyList<string>? items) =>
        new((items ?? []).Where(s => s.Length > 0), StringComparer.Ordinal);

    private static T ParseEnum<T>(ParsedConfig config, string key)
        where T : struct, Enum =>
        Enum.Parse<T>(config.GetString(key) ?? "", ignoreCase: true);
}
