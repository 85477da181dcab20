using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Connect;

/// <summary>The Connect-level settings every connector accepts (Kafka's <c>ConnectorConfig</c>, <c>SinkConnectorConfig</c>, <c>SourceConnectorConfig</c>).</summary>
/// <remarks>Each call returns a fresh <see cref="ConfigDef"/> that callers may extend.</remarks>
public static class ConnectConfigDefs
{
    /// <summary><c>key.converter</c>.</summary>
    public const string KeyConverter = "key.converter";

    /// <summary><c>value.converter</c>.</summary>
    public const string ValueConverter = "value.converter";

    /// <summary><c>header.converter</c>.</summary>
    public const string HeaderConverter = "header.converter";

    /// <summary><c>transforms</c>.</summary>
    public const string Transforms = "transforms";

    /// <summary><c>predicates</c>.</summary>
    public const string Predicates = "predicates";

    /// <summary><c>errors.retry.timeout</c>.</summary>
    public const string ErrorsRetryTimeout = "errors.retry.timeout";

    /// <summary><c>errors.retry.delay.max.ms</c>.</summary>
    public const string ErrorsRetryDelayMaxMs = "errors.retry.delay.max.ms";

    /// <summary><c>errors.tolerance</c>.</summary>
    public const string ErrorsTolerance = "errors.tolerance";

    /// <summary><c>errors.log.enable</c>.</summary>
    public const string ErrorsLogEnable = "errors.log.enable";

    /// <summary><c>errors.log.include.messages</c>.</summary>
    public const string ErrorsLogIncludeMessages = "errors.log.include.messages";

    /// <summary><c>topics</c> (sinks).</summary>
    public const string Topics = "topics";

    /// <summary><c>topics.regex</c> (sinks).</summary>
    public const string TopicsRegex = "topics.regex";

    /// <summary><c>errors.deadletterqueue.topic.name</c> (sinks).</summary>
    public const string DlqTopicName = "errors.deadletterqueue.topic.name";

    /// <summary><c>errors.deadletterqueue.topic.replication.factor</c> (sinks).</summary>
    public const string DlqTopicReplicationFactor = "errors.deadletterqueue.topic.replication.factor";

    /// <summary><c>errors.deadletterqueue.context.headers.enable</c> (sinks).</summary>
    public const string DlqContextHeadersEnable = "errors.deadletterqueue.context.headers.enable";

    private const string CommonGroup = "Common";
    private const string ErrorGroup = "Error Handling";

    /// <summary>The settings shared by sources and sinks.</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef CreateCommon()
    {
        var order = 0;
        ConfigKey Common(string name, ConfigType type) => new(name, type) { Group = CommonGroup, OrderInGroup = ++order };
        var errorOrder = 0;
        ConfigKey Error(string name, ConfigType type) => new(name, type) { Group = ErrorGroup, OrderInGroup = ++errorOrder, Importance = Importance.Medium };

        return new ConfigDef()
            .Define(Common(ConnectorConfig.NameKey, ConfigType.String) with
            {
                Validator = new NonEmptyStringWithoutControlChars(),
                Importance = Importance.High,
                Documentation = "Unique name of the connector.",
            })
            .Define(Common(ConnectorConfig.ConnectorClassKey, ConfigType.String) with
            {
                Importance = Importance.High,
                Documentation = "Connector class name or alias (simple class name, with or without the 'Connector' suffix).",
            })
            .Define(Common(ConnectorConfig.TasksMaxKey, ConfigType.Int) with
            {
                DefaultValue = 1,
                Validator = NumberRange.AtLeast(1),
                Importance = Importance.High,
                Documentation = "Maximum number of tasks for the connector.",
            })
            .DefineDeprecated("tasks.max.enforce", ConfigType.Boolean, true, "Whether to fail tasks beyond tasks.max.", "tasks.max is always enforced")
            .Define(Common(KeyConverter, ConfigType.Class) with { DefaultValue = null, Importance = Importance.Low, Documentation = "Key converter class; the worker's when unset." })
            .Define(Common(ValueConverter, ConfigType.Class) with { DefaultValue = null, Importance = Importance.Low, Documentation = "Value converter class; the worker's when unset." })
            .Define(Common(HeaderConverter, ConfigType.Class) with { DefaultValue = null, Importance = Importance.Low, Documentation = "Header converter class; the worker's when unset." })
            .Define(Common(Transforms, ConfigType.List) with { DefaultValue = "", Validator = AliasValidator("transformation"), Importance = Importance.Low, Documentation = "Ordered aliases of the transformations to apply." })
            .Define(Common(Predicates, ConfigType.List) with { DefaultValue = "", Validator = AliasValidator("predicate"), Importance = Importance.Low, Documentation = "Aliases of the predicates used by transformations." })
            .Define(Common("config.action.reload", ConfigType.String) with
            {
                DefaultValue = "restart",
                Validator = ValidString.In("none", "restart"),
                Importance = Importance.Low,
                Documentation = "What to do when a config provider value changes.",
            })
            .Define(Error(ErrorsRetryTimeout, ConfigType.Long) with { DefaultValue = 0L, Documentation = "How long, in ms, to retry a failed operation; 0 none, -1 forever." })
            .Define(Error(ErrorsRetryDelayMaxMs, ConfigType.Long) with { DefaultValue = 60000L, Documentation = "Upper bound, in ms, of the delay between retries." })
            .Define(Error(ErrorsTolerance, ConfigType.String) with
            {
                DefaultValue = "none",
                Validator = ValidString.In("none", "all"),
                Documentation = "'none' fails the task on the first error; 'all' skips problem records.",
            })
            .Define(Error(ErrorsLogEnable, ConfigType.Boolean) with { DefaultValue = false, Documentation = "Log every error with its context." })
            .Define(Error(ErrorsLogIncludeMessages, ConfigType.Boolean) with { DefaultValue = false, Documentation = "Include record contents in error logs." });
    }

    /// <summary>The settings of sink connectors: common plus topics and dead-letter queue.</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef CreateSink() =>
        CreateCommon()
            .Define(new ConfigKey(Topics, ConfigType.List) { DefaultValue = "", Importance = Importance.High, Group = CommonGroup, Documentation = "Topics to consume, comma-separated." })
            .Define(new ConfigKey(TopicsRegex, ConfigType.String)
            {
                DefaultValue = "",
                Validator = new RegexValidator(),
                Importance = Importance.High,
                Group = CommonGroup,
                Documentation = "Regular expression selecting the topics to consume; exclusive with topics.",
            })
            .Define(new ConfigKey(DlqTopicName, ConfigType.String) { DefaultValue = "", Group = ErrorGroup, Documentation = "Dead-letter queue topic; empty disables it." })
            .Define(new ConfigKey(DlqTopicReplicationFactor, ConfigType.Short) { DefaultValue = (short)3, Group = ErrorGroup, Documentation = "Replication factor used when creating the dead-letter queue topic." })
            .Define(new ConfigKey(DlqContextHeadersEnable, ConfigType.Boolean) { DefaultValue = false, Group = ErrorGroup, Documentation = "Add __connect.errors.* context headers to dead-letter records." });

    /// <summary>The settings of source connectors: common plus topic creation and exactly-once options.</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef CreateSource() =>
        CreateCommon()
            .Define("topic.creation.groups", ConfigType.List, "", Importance.Low, "Groups of topic creation settings besides 'default'.")
            .Define("exactly.once.support", ConfigType.String, "requested", CaseInsensitiveValidString.In("requested", "required"), Importance.Medium, "Whether exactly-once support is required.")
            .Define("transaction.boundary", ConfigType.String, "poll", CaseInsensitiveValidString.In("poll", "interval", "connector"), Importance.Medium, "How producer transactions are delimited.")
            .Define("transaction.boundary.interval.ms", ConfigType.Long, null, NumberRange.AtLeast(0), Importance.Low, "Transaction length when transaction.boundary is 'interval'.")
            .Define("offsets.storage.topic", ConfigType.String, null, Importance.Low, "A separate offsets topic for this connector.");

    private static CompositeValidator AliasValidator(string kind) => CompositeValidator.Of(
        new NonNullValidator(),
        LambdaValidator.With(
            (name, value) =>
            {
                if (value is IReadOnlyList<string> aliases && aliases.Distinct(StringComparer.Ordinal).Count() < aliases.Count)
                {
                    throw new ConfigException(name, value, "Duplicate alias provided.");
                }
            },
            $"unique {kind} aliases"));
}
