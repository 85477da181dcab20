using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Text;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The configuration keys of the outbox EventRouter (Debezium 2.7) and their parsing.</summary>
internal static class EventRouterConfig
{
    public const string OperationInvalidBehavior = "table.op.invalid.behavior";
    public const string DebeziumOperationInvalidBehavior = "debezium.op.invalid.behavior";
    public const string FieldEventId = "table.field.event.id";
    public const string FieldEventKey = "table.field.event.key";
    public const string FieldEventType = "table.field.event.type";
    public const string FieldEventTimestamp = "table.field.event.timestamp";
    public const string FieldPayload = "table.field.event.payload";
    public const string FieldSchemaVersion = "table.field.event.schema.version";
    public const string FieldsAdditionalPlacement = "table.fields.additional.placement";
    public const string FieldsAdditionalErrorOnMissing = "table.fields.additional.error.on.missing";
    public const string FieldAdditionalMissing = "table.field.additional.missing";
    public const string RouteByField = "route.by.field";
    public const string RouteTopicRegex = "route.topic.regex";
    public const string RouteTopicReplacement = "route.topic.replacement";
    public const string RouteTombstoneOnEmptyPayload = "route.tombstone.on.empty.payload";
    public const string ExpandJsonPayload = "table.expand.json.payload";
    public const string JsonPayloadNullBehavior = "table.json.payload.null.behavior";
    public const string JsonPayloadEmptyArrayBehavior = "table.json.payload.empty.array.behavior";
    public const string FieldNameAdjustmentMode = "field.name.adjustment.mode";
    public const string TracingSpanContextField = "tracing.span.context.field";
    public const string TracingOperationName = "tracing.operation.name";
    public const string TracingWithContextFieldOnly = "tracing.with.context.field.only";
    public const string RouteByFieldFallback = "route.by.field.fallback";

    public const string DefaultRouteByField = "aggregatetype";

    public static ConfigDef Create() => new ConfigDef()
        .Define(FieldEventId, ConfigType.String, "id", Importance.Low, "The column holding the event id (becomes the 'id' header).")
        .Define(FieldEventKey, ConfigType.String, "aggregateid", Importance.Low, "The column holding the event key (the record key).")
        .Define(FieldEventType, ConfigType.String, "type", Importance.Low,
            "The column holding the event type. Debezium defines but does not use it; see route.by.field.fallback.")
        .Define(FieldEventTimestamp, ConfigType.String, null, Importance.Medium,
            "A Timestamp/MicroTimestamp/NanoTimestamp column for the record timestamp; the envelope ts_ms otherwise.")
        .Define(FieldPayload, ConfigType.String, "payload", Importance.Low, "The column holding the event payload (the record value).")
        .Define(new ConfigKey(FieldsAdditionalPlacement, ConfigType.String)
        {
            DefaultValue = null,
            Validator = LambdaValidator.With(ValidatePlacements, "column:header|envelope|partition[:alias], comma separated"),
            Importance = Importance.High,
            Documentation = "Extra columns for the headers, the value envelope or the partition: column:placement[:alias],...",
        })
        .Define(FieldsAdditionalErrorOnMissing, ConfigType.Boolean, true, Importance.Medium,
            "Fail when a column in table.fields.additional.placement is missing from the row (false: skip it).")
        .Define(new ConfigKey(FieldAdditionalMissing, ConfigType.String)
        {
            DefaultValue = null,
            Validator = LambdaValidator.With(ValidateOptional("error", "ignore"), "(case insensitive) [ERROR, IGNORE]"),
            Importance = Importance.Low,
            Documentation = "Debezium 3.x spelling of table.fields.additional.error.on.missing: error or ignore; wins when set.",
        })
        .Define(FieldSchemaVersion, ConfigType.String, null, Importance.Low,
            "An INT32 column used as the version of the value envelope schema (only with envelope placements).")
        .Define(new ConfigKey(OperationInvalidBehavior, ConfigType.String)
        {
            DefaultValue = "warn",
            Validator = CaseInsensitiveValidString.In("warn", "error", "fatal"),
            Importance = Importance.Medium,
            Documentation = "What to do with an update of the outbox table: warn (log, drop), error (log an error, drop) or fatal (fail).",
        })
        .DefineRenamed(DebeziumOperationInvalidBehavior, OperationInvalidBehavior)
        .Define(ExpandJsonPayload, ConfigType.Boolean, false, Importance.Medium,
            "Parse a JSON string payload into a struct with an inferred schema; on failure keep the string and warn.")
        .Define(new ConfigKey(JsonPayloadNullBehavior, ConfigType.String)
        {
            DefaultValue = "ignore",
            Validator = CaseInsensitiveValidString.In("ignore", "optional_bytes"),
            Importance = Importance.Medium,
            Documentation = "JSON nulls in an expanded payload: ignore (leave the field out) or optional_bytes.",
        })
        .Define(new ConfigKey(JsonPayloadEmptyArrayBehavior, ConfigType.String)
        {
            DefaultValue = "ignore",
            Validator = CaseInsensitiveValidString.In("ignore", "optional_string"),
            Importance = Importance.Low,
            Documentation = "Empty JSON arrays in an expanded payload: ignore (leave the field out) or optional_string (Debezium 3.x key).",
        })
        .Define(new ConfigKey(FieldNameAdjustmentMode, ConfigType.String)
        {
            DefaultValue = "none",
            Validator = CaseInsensitiveValidString.In("none", "avro", "avro_unicode"),
            Importance = Importance.Low,
            Documentation = "How expanded JSON field names are adjusted: none, avro or avro_unicode.",
        })
        .Define(RouteByField, ConfigType.String, DefaultRouteByField, Importance.High,
            "The column whose value, through route.topic.regex/route.topic.replacement, becomes the topic.")
        .Define(new ConfigKey(RouteTopicRegex, ConfigType.String)
        {
            DefaultValue = "(?<routedByValue>.*)",
            Validator = LambdaValidator.With(ValidateRegex, "a Java regular expression"),
            Importance = Importance.Low,
            Documentation = "The regex the route.by.field value must fully match to be replaced.",
        })
        .Define(RouteTopicReplacement, ConfigType.String, "outbox.event.${routedByValue}", Importance.High,
            "The topic, with Java replacement syntax (${routedByValue}, $1).")
        .Define(RouteTombstoneOnEmptyPayload, ConfigType.Boolean, false, Importance.High,
            "Emit a tombstone (null value and schema) for a null or blank payload.")
        .Define(TracingSpanContextField, ConfigType.String, "tracingspancontext", Importance.Low, "Accepted; tracing is not implemented.")
        .Define(TracingOperationName, ConfigType.String, "debezium-read", Importance.Low, "Accepted; tracing is not implemented.")
        .Define(TracingWithContextFieldOnly, ConfigType.Boolean, false, Importance.Low, "Accepted; tracing is not implemented.")
        .Define(new ConfigKey(RouteByFieldFallback, ConfigType.String)
        {
            DefaultValue = "event.type",
            Validator = CaseInsensitiveValidString.In("event.type", "none"),
            Importance = Importance.Low,
            Documentation = "Serverless.Connect extension. event.type: when route.by.field is not set and the row has no " +
                            "aggregatetype column, route by the explicitly set table.field.event.type column (with a warning). " +
                            "none: fail like Debezium 2.7.",
        });

    public static EventRouterOptions Parse(ParsedConfig config)
    {
        var missing = config.GetString(FieldAdditionalMissing);
        var regex = new JavaRegex(config.GetString(RouteTopicRegex) ?? "");
        var replacement = config.GetString(RouteTopicReplacement) ?? "";
        return new EventRouterOptions
        {
            FieldEventId = config.GetString(FieldEventId) ?? "id",
            FieldEventKey = config.GetString(FieldEventKey),
            FieldEventType = config.GetString(FieldEventType),
            FieldEventTypeIsSet = config.IsSet(FieldEventType),
            FieldEventTimestamp = config.GetString(FieldEventTimestamp),
            FieldPayload = config.GetString(FieldPayload) ?? "payload",
            FieldSchemaVersion = config.GetString(FieldSchemaVersion),
            AdditionalFields = AdditionalField.Parse(config.GetString(FieldsAdditionalPlacement)),
            ErrorOnMissingAdditionalField = missing is null
                ? config.GetBoolean(FieldsAdditionalErrorOnMissing)
                : !string.Equals(missing, "ignore", StringComparison.OrdinalIgnoreCase),
            InvalidOperationBehavior = config.GetString(OperationInvalidBehavior)!.ToLowerInvariant() switch
            {
                "error" => InvalidOperationBehavior.Error,
                "fatal" => InvalidOperationBehavior.Fatal,
                _ => InvalidOperationBehavior.Warn,
            },
            RouteByField = config.GetString(RouteByField) ?? DefaultRouteByField,
            RouteByFieldIsSet = config.IsSet(RouteByField),
            RouteByEventTypeFallback = !string.Equals(config.GetString(RouteByFieldFallback), "none", StringComparison.OrdinalIgnoreCase),
            RouteTopicRegex = regex,
            RouteTopicReplacement = replacement,
            RouteTombstoneOnEmptyPayload = config.GetBoolean(RouteTombstoneOnEmptyPayload),
            ExpandJsonPayload = config.GetBoolean(ExpandJsonPayload),
            JsonNullBehavior = string.Equals(config.GetString(JsonPayloadNullBehavior), "optional_bytes", StringComparison.OrdinalIgnoreCase)
                ? Internal.JsonPayloadNullBehavior.OptionalBytes
                : Internal.JsonPayloadNullBehavior.Ignore,
            JsonEmptyArrayBehavior = string.Equals(config.GetString(JsonPayloadEmptyArrayBehavior), "optional_string", StringComparison.OrdinalIgnoreCase)
                ? Internal.JsonPayloadEmptyArrayBehavior.OptionalString
                : Internal.JsonPayloadEmptyArrayBehavior.Ignore,
            FieldNameAdjustment = config.GetString(FieldNameAdjustmentMode)!.ToLowerInvariant() switch
            {
                "avro" => Internal.FieldNameAdjustment.Avro,
                "avro_unicode" => Internal.FieldNameAdjustment.AvroUnicode,
                _ => Internal.FieldNameAdjustment.None,
            },
        };
    }

    private static void ValidatePlacements(string name, object? value)
    {
        try
        {
            AdditionalField.Parse(value as string);
        }
        catch (FormatException e)
        {
            throw new ConfigException(name, value, e.Message);
        }
    }

    private static Action<string, object?> ValidateOptional(params string[] allowed) => (name, value) =>
    {
        if (value is string text && !allowed.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConfigException(name, value, "String must be one of (case insensitive): " + string.Join(", ", allowed.Select(a => a.ToUpperInvariant())));
        }
    };

    private static void ValidateRegex(string name, object? value)
    {
        try
        {
            _ = new JavaRegex(value as string ?? "");
        }
        catch (Exception e) when (e is JavaPatternSyntaxException or NotSupportedException)
        {
            throw new ConfigException(name, value, e.Message);
        }
    }
}
