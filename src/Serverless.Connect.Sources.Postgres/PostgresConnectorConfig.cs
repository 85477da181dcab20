using Npgsql;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Sources.Postgres.Internal;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>A validated <c>io.debezium.connector.postgresql.PostgresConnector</c> configuration.</summary>
public sealed class PostgresConnectorConfig
{
    private PostgresConnectorConfig(ParsedConfig parsed)
    {
        Parsed = parsed;
        Name = parsed.Originals.TryGetValue("name", out var name) ? name : parsed.GetString("topic.prefix")!;
        TopicPrefix = parsed.GetString("topic.prefix")!;
        DatabaseName = parsed.GetString("database.dbname")!;
        SlotName = parsed.GetString("slot.name")!;
        PublicationName = parsed.GetString("publication.name")!;
        PublicationAutocreateMode = ParseEnum<PublicationAutocreateMode>(parsed.GetString("publication.autocreate.mode")!);
        SnapshotMode = ParseSnapshotMode(parsed.GetString("snapshot.mode")!);
        SnapshotFetchSize = parsed.GetInt("snapshot.fetch.size");
        TombstonesOnDelete = parsed.GetBoolean("tombstones.on.delete");
        DecimalHandlingMode = ParseEnum<DecimalHandlingMode>(parsed.GetString("decimal.handling.mode")!);
        TimePrecisionMode = ParseEnum<TimePrecisionMode>(parsed.GetString("time.precision.mode")!);
        BinaryHandlingMode = ParseEnum<BinaryHandlingMode>(parsed.GetString("binary.handling.mode")!);
        HStoreHandlingMode = ParseEnum<HStoreHandlingMode>(parsed.GetString("hstore.handling.mode")!);
        IntervalHandlingMode = ParseEnum<IntervalHandlingMode>(parsed.GetString("interval.handling.mode")!);
        UnavailableValuePlaceholder = parsed.GetString("unavailable.value.placeholder")!;
        HeartbeatInterval = TimeSpan.FromMilliseconds(parsed.GetInt("heartbeat.interval.ms"));
        HeartbeatActionQuery = parsed.GetString("heartbeat.action.query");
        HeartbeatTopic = parsed.GetString("topic.heartbeat.prefix") + "." + TopicPrefix;
        ProvideTransactionMetadata = parsed.GetBoolean("provide.transaction.metadata");
        TransactionTopic = TopicPrefix + "." + parsed.GetString("topic.transaction");
        SlotDropOnStop = parsed.GetBoolean("slot.drop.on.stop");
        StatusUpdateInterval = TimeSpan.FromMilliseconds(parsed.GetInt("status.update.interval.ms"));
        MaxQueueSize = parsed.GetInt("max.queue.size");
        ErrorsMaxRetries = parsed.GetInt(PostgresConnectorConfigDef.ErrorsMaxRetriesConfig);
        RetriableRestartWait = TimeSpan.FromMilliseconds(parsed.GetLong(PostgresConnectorConfigDef.RetriableRestartWaitConfig));
        Filters = TableFilters.Create(parsed);
    }

    /// <summary>Gets the parsed configuration.</summary>
    public ParsedConfig Parsed { get; }

    /// <summary>Gets the connector name (<c>name</c>, else the topic prefix).</summary>
    public string Name { get; }

    /// <summary>Gets <c>topic.prefix</c>, the logical server name.</summary>
    public string TopicPrefix { get; }

    /// <summary>Gets <c>database.dbname</c>.</summary>
    public string DatabaseName { get; }

    /// <summary>Gets <c>slot.name</c>.</summary>
    /// <value>Default <c>debezium</c>.</value>
    public string SlotName { get; }

    /// <summary>Gets <c>publication.name</c>.</summary>
    /// <value>Default <c>dbz_publication</c>.</value>
    public string PublicationName { get; }

    /// <summary>Gets <c>publication.autocreate.mode</c>.</summary>
    public PublicationAutocreateMode PublicationAutocreateMode { get; }

    /// <summary>Gets <c>snapshot.mode</c>.</summary>
    public SnapshotMode SnapshotMode { get; }

    /// <summary>Gets <c>snapshot.fetch.size</c>.</summary>
    public int SnapshotFetchSize { get; }

    /// <summary>Gets <c>tombstones.on.delete</c>.</summary>
    public bool TombstonesOnDelete { get; }

    /// <summary>Gets <c>decimal.handling.mode</c>.</summary>
    public DecimalHandlingMode DecimalHandlingMode { get; }

    /// <summary>Gets <c>time.precision.mode</c>.</summary>
    public TimePrecisionMode TimePrecisionMode { get; }

    /// <summary>Gets <c>binary.handling.mode</c>.</summary>
    public BinaryHandlingMode BinaryHandlingMode { get; }

    /// <summary>Gets <c>hstore.handling.mode</c>.</summary>
    public HStoreHandlingMode HStoreHandlingMode { get; }

    /// <summary>Gets <c>interval.handling.mode</c>.</summary>
    public IntervalHandlingMode IntervalHandlingMode { get; }

    /// <summary>Gets <c>unavailable.value.placeholder</c>.</summary>
    public string UnavailableValuePlaceholder { get; }

    /// <summary>Gets <c>heartbeat.interval.ms</c> (zero = off).</summary>
    public TimeSpan HeartbeatInterval { get; }

    /// <summary>Gets <c>heartbeat.action.query</c>.</summary>
    public string? HeartbeatActionQuery { get; }

    /// <summary>Gets the heartbeat topic, <c>&lt;topic.heartbeat.prefix&gt;.&lt;topic.prefix&gt;</c>.</summary>
    public string HeartbeatTopic { get; }

    /// <summary>Gets <c>provide.transaction.metadata</c>.</summary>
    public bool ProvideTransactionMetadata { get; }

    /// <summary>Gets the transaction metadata topic, <c>&lt;topic.prefix&gt;.&lt;topic.transaction&gt;</c>.</summary>
    public string TransactionTopic { get; }

    /// <summary>Gets <c>slot.drop.on.stop</c>.</summary>
    public bool SlotDropOnStop { get; }

    /// <summary>Gets <c>status.update.interval.ms</c>.</summary>
    public TimeSpan StatusUpdateInterval { get; }

    /// <summary>Gets <c>max.queue.size</c>, the capacity of the reader's output channel.</summary>
    public int MaxQueueSize { get; }

    /// <summary>Gets <c>errors.max.retries</c>: how often a connection-level failure is retried before the task fails.</summary>
    /// <value>Default -1 (no limit); 0 fails at the first such error.</value>
    public int ErrorsMaxRetries { get; }

    /// <summary>Gets <c>retriable.restart.connector.wait.ms</c>, the longest wait before a restart after a retriable error.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan RetriableRestartWait { get; }

    internal TableFilters Filters { get; }

    /// <summary>Validates and parses a resolved connector configuration.</summary>
    /// <param name="config">The flat configuration (providers already resolved).</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigValidationException">A key is missing or invalid.</exception>
    public static PostgresConnectorConfig Parse(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PostgresConnectorConfig(PostgresConnectorConfigDef.Create().Parse(config));
    }

    /// <summary>Builds the Npgsql connection string for regular (non-replication) connections.</summary>
    /// <returns>The connection string.</returns>
    public string ConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Parsed.GetString("database.hostname"),
            Port = Parsed.GetInt("database.port"),
            Username = Parsed.GetString("database.user"),
            Password = Parsed.GetPassword("database.password")?.Value,
            Database = DatabaseName,
            SslMode = ParseEnum<SslMode>(Parsed.GetString("database.sslmode")!.Replace("-", string.Empty, StringComparison.Ordinal)),
            Timeout = Math.Max(1, Parsed.GetInt("database.connectTimeoutMs") / 1000),
            ApplicationName = "serverless-connect-" + Name,
            // Values are decoded from PostgreSQL's text output; pin every setting that changes that text.
            Options = "-c DateStyle=ISO,MDY -c IntervalStyle=iso_8601 -c TimeZone=UTC -c bytea_output=hex -c extra_float_digits=3",
            Pooling = false,
        };
        return builder.ConnectionString;
    }

    private static SnapshotMode ParseSnapshotMode(string value) => value.ToLowerInvariant() switch
    {
        "initial" => SnapshotMode.Initial,
        "always" => SnapshotMode.Always,
        "initial_only" => SnapshotMode.InitialOnly,
        "when_needed" => SnapshotMode.WhenNeeded,
        _ => SnapshotMode.NoData,
    };

    private static T ParseEnum<T>(string value)
        where T : struct, Enum =>
        Enum.Parse<T>(value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
