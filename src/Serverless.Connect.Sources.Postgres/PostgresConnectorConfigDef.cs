using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>
/// The <see cref="ConfigDef"/> of <c>io.debezium.connector.postgresql.PostgresConnector</c>: the Debezium 2.7 keys this
/// connector honours, with Debezium's defaults.
/// </summary>
public static class PostgresConnectorConfigDef
{
    /// <summary>The Debezium connector class name.</summary>
    public const string ConnectorClass = "io.debezium.connector.postgresql.PostgresConnector";

    /// <summary>The Debezium version this connector imitates (reported in <c>source.version</c>).</summary>
    public const string DebeziumVersion = "2.7.3.Final";

    /// <summary>Debezium's <c>errors.max.retries</c>: retries of a connection-level failure before the task fails (-1 = no limit, the default; 0 = none).</summary>
    public const string ErrorsMaxRetriesConfig = "errors.max.retries";

    /// <summary>Debezium's <c>retriable.restart.connector.wait.ms</c>: how long to wait before a restart after a retriable error (default 10000).</summary>
    public const string RetriableRestartWaitConfig = "retriable.restart.connector.wait.ms";

    private const string Group = "Postgres";

    /// <summary>Creates the definition.</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef Create() => new ConfigDef()
        .Define(Key("database.hostname", ConfigType.String, ConfigDef.NoDefaultValue, Importance.High, "PostgreSQL host name.", NonEmptyString()))
        .Define(Key("database.port", ConfigType.Int, 5432, Importance.High, "PostgreSQL port.", NumberRange.Between(1, 65535)))
        .Define(Key("database.user", ConfigType.String, ConfigDef.NoDefaultValue, Importance.High, "User name (needs REPLICATION and SELECT).", NonEmptyString()))
        .Define(Key("database.password", ConfigType.Password, null, Importance.High, "Password."))
        .Define(Key("database.dbname", ConfigType.String, ConfigDef.NoDefaultValue, Importance.High, "Database name.", NonEmptyString()))
        .Define(Key("database.sslmode", ConfigType.String, "prefer", Importance.Medium, "SSL mode.",
            CaseInsensitiveValidString.In("disable", "allow", "prefer", "require", "verify-ca", "verify-full")))
        .Define(Key("database.connectTimeoutMs", ConfigType.Int, 30000, Importance.Low, "Connect timeout in milliseconds.", NumberRange.AtLeast(0L)))
        .Define(Key("topic.prefix", ConfigType.String, ConfigDef.NoDefaultValue, Importance.High, "Logical server name; prefix of every topic.", NonEmptyString()))
        .Define(Key("plugin.name", ConfigType.String, "pgoutput", Importance.Medium,
            "Logical decoding plugin. Only pgoutput is supported, so it is also the default (Debezium's is decoderbufs).",
            LambdaValidator.With(
                (name, value) =>
                {
                    if (!string.Equals(value as string, "pgoutput", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new Configuration.ConfigException(name, value, "Only plugin.name=pgoutput is supported");
                    }
                },
                "pgoutput")))
        .Define(Key("slot.name", ConfigType.String, "debezium", Importance.Medium, "Replication slot name.",
            LambdaValidator.With(
                (name, value) =>
                {
                    // PostgreSQL's rule for slot names; longer names would otherwise be silently truncated.
                    if (value is not string slot || slot.Length is 0 or > 63 || !slot.All(c => char.IsAsciiDigit(c) || c is (>= 'a' and <= 'z') or '_'))
                    {
                        throw new Configuration.ConfigException(
                            name, value, "Valid replication slot name must contain only digits, lowercase characters and underscores with length <= 63");
                    }
                },
                "[a-z0-9_]{1,63}")))
        .Define(Key("slot.drop.on.stop", ConfigType.Boolean, false, Importance.Low, "Drop the slot on a graceful stop (development only)."))
        .Define(Key("status.update.interval.ms", ConfigType.Int, 10000, Importance.Low, "Interval of standby status updates.", NumberRange.AtLeast(1L)))
        .Define(Key("publication.name", ConfigType.String, "dbz_publication", Importance.Medium, "Publication name.", NonEmptyString()))
        .Define(Key("publication.autocreate.mode", ConfigType.String, "all_tables", Importance.Medium, "all_tables, filtered or disabled.",
            CaseInsensitiveValidString.In("all_tables", "filtered", "disabled")))
        .Define(Key("schema.include.list", ConfigType.String, null, Importance.Medium, "Schemas to capture (regexes)."))
        .Define(Key("schema.exclude.list", ConfigType.String, null, Importance.Medium, "Schemas not to capture (regexes)."))
        .Define(Key("table.include.list", ConfigType.String, null, Importance.Medium, "Tables to capture, schema.table regexes."))
        .Define(Key("table.exclude.list", ConfigType.String, null, Importance.Medium, "Tables not to capture, schema.table regexes."))
        .Define(Key("column.include.list", ConfigType.String, null, Importance.Medium, "Columns to include, schema.table.column regexes."))
        .Define(Key("column.exclude.list", ConfigType.String, null, Importance.Medium, "Columns to exclude, schema.table.column regexes."))
        .Define(Key("message.key.columns", ConfigType.String, null, Importance.Low, "Key column overrides: <table regex>:<col>,<col>;..."))
        .Define(Key("snapshot.mode", ConfigType.String, "initial", Importance.Medium, "initial, always, initial_only, no_data (never), when_needed.",
            CaseInsensitiveValidString.In("initial", "always", "initial_only", "no_data", "never", "schema_only", "when_needed")))
        .Define(Key("snapshot.fetch.size", ConfigType.Int, 10240, Importance.Low, "Rows fetched per cursor round trip during snapshots.", NumberRange.AtLeast(1L)))
        .Define(Key("tombstones.on.delete", ConfigType.Boolean, true, Importance.Medium, "Follow each delete with a tombstone."))
        .Define(Key("decimal.handling.mode", ConfigType.String, "precise", Importance.Medium, "precise, double or string.",
            CaseInsensitiveValidString.In("precise", "double", "string")))
        .Define(Key("time.precision.mode", ConfigType.String, "adaptive", Importance.Medium, "adaptive, adaptive_time_microseconds or connect.",
            CaseInsensitiveValidString.In("adaptive", "adaptive_time_microseconds", "connect")))
        .Define(Key("binary.handling.mode", ConfigType.String, "bytes", Importance.Low, "bytes, base64, base64-url-safe or hex.",
            CaseInsensitiveValidString.In("bytes", "base64", "base64-url-safe", "hex")))
        .Define(Key("hstore.handling.mode", ConfigType.String, "json", Importance.Low, "json or map.", CaseInsensitiveValidString.In("json", "map")))
        .Define(Key("interval.handling.mode", ConfigType.String, "numeric", Importance.Low, "numeric or string.", CaseInsensitiveValidString.In("numeric", "string")))
        .Define(Key("unavailable.value.placeholder", ConfigType.String, "__debezium_unavailable_value", Importance.Low, "Placeholder for unchanged TOAST values."))
        .Define(Key("heartbeat.interval.ms", ConfigType.Int, 0, Importance.Medium, "Heartbeat interval; 0 disables heartbeats.", NumberRange.AtLeast(0L)))
        .Define(Key("heartbeat.action.query", ConfigType.String, null, Importance.Low, "SQL run on every heartbeat."))
        .Define(Key("topic.heartbeat.prefix", ConfigType.String, "__debezium-heartbeat", Importance.Low, "Prefix of the heartbeat topic."))
        .Define(Key("provide.transaction.metadata", ConfigType.Boolean, false, Importance.Low, "Fill the transaction block and emit BEGIN/END events."))
        .Define(Key("topic.transaction", ConfigType.String, "transaction", Importance.Low, "Suffix of the transaction metadata topic."))
        .Define(Key("max.queue.size", ConfigType.Int, 8192, Importance.Low, "Capacity of the queue between the reader and the producer.", NumberRange.AtLeast(1L)))
        .Define(Key(ErrorsMaxRetriesConfig, ConfigType.Int, -1, Importance.Low,
            "Restarts after a lost PostgreSQL connection before the task fails: -1 without limit, 0 never, n at most n times.",
            NumberRange.AtLeast(-1L)))
        .Define(Key(RetriableRestartWaitConfig, ConfigType.Long, 10_000L, Importance.Low,
            "Milliseconds to wait before restarting the connector after a retriable error (the cap of the exponential backoff).",
            NumberRange.AtLeast(0L)));

    /// <summary>The plugin descriptor registering this definition for the connector class.</summary>
    /// <returns>A new descriptor.</returns>
    public static PluginDescriptor CreateDescriptor() => new(ConnectorClass, PluginKind.Source)
    {
        Config = Create(),
        Version = DebeziumVersion,
        Validator = CrossFieldProblems,
    };

    /// <summary>Registers the connector with a plugin registry.</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>The registry.</returns>
    public static PluginRegistry Register(PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(CreateDescriptor());
    }

    private static IEnumerable<Configuration.ConfigProblem> CrossFieldProblems(IReadOnlyDictionary<string, string> config)
    {
        foreach (var (include, exclude) in new[]
        {
            ("schema.include.list", "schema.exclude.list"),
            ("table.include.list", "table.exclude.list"),
            ("column.include.list", "column.exclude.list"),
        })
        {
            if (HasValue(config, include) && HasValue(config, exclude))
            {
                yield return new Configuration.ConfigProblem(exclude, $"\"{include}\" is already specified");
            }
        }
    }

    private static bool HasValue(IReadOnlyDictionary<string, string> config, string key) =>
        config.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value);

    private static NonEmptyString NonEmptyString() => new();

    private static ConfigKey Key(string name, ConfigType type, object? defaultValue, Importance importance, string doc, IConfigValidator? validator = null) =>
        new(name, type)
        {
            DefaultValue = defaultValue,
            Importance = importance,
            Documentation = doc,
            Validator = validator,
            Group = Group,
        };
}
