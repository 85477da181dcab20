using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The configuration keys of ExtractNewRecordState (Debezium 2.7) and their parsing.</summary>
internal static class ExtractNewRecordStateConfig
{
    public const string DeleteTombstoneHandlingMode = "delete.tombstone.handling.mode";
    public const string DropTombstones = "drop.tombstones";
    public const string DeleteHandlingMode = "delete.handling.mode";
    public const string RouteByField = "route.by.field";
    public const string AddFields = "add.fields";
    public const string AddFieldsPrefix = "add.fields.prefix";
    public const string AddHeaders = "add.headers";
    public const string AddHeadersPrefix = "add.headers.prefix";
    public const string DropFieldsHeaderName = "drop.fields.header.name";
    public const string DropFieldsFromKey = "drop.fields.from.key";
    public const string DropFieldsKeepSchemaCompatible = "drop.fields.keep.schema.compatible";
    public const string ReplaceNullWithDefault = "replace.null.with.default";
    public const string SchemalessEnvelopes = "schemaless.envelopes";

    public const string MetadataPrefix = "__";
    public const string DeletedField = "__deleted";

    private const string LegacyNote = "deprecated since Debezium 2.5 and removed in 3.2; use delete.tombstone.handling.mode";

    public static ConfigDef Create() => new ConfigDef()
        .Define(new ConfigKey(DeleteTombstoneHandlingMode, ConfigType.String)
        {
            DefaultValue = null,
            Validator = LambdaValidator.With(ValidateMode, "(case insensitive) [drop, tombstone, rewrite, rewrite-with-tombstone, delete-to-tombstone]"),
            Importance = Importance.Medium,
            Documentation = "How to handle delete events and tombstones: drop, tombstone, rewrite, rewrite-with-tombstone or " +
                            "delete-to-tombstone. Unset (Debezium 2.7 has no default) falls back to drop.tombstones/delete.handling.mode.",
        })
        .DefineDeprecated(DropTombstones, ConfigType.Boolean, true,
            "Drop the tombstone Debezium emits after each delete.", LegacyNote)
        .Define(new ConfigKey(DeleteHandlingMode, ConfigType.String)
        {
            DefaultValue = "drop",
            Validator = CaseInsensitiveValidString.In("drop", "rewrite", "none"),
            Importance = Importance.Low,
            Documentation = "How to handle delete events: drop, rewrite (add __deleted) or none (null value).",
            DeprecationMessage = LegacyNote,
        })
        .Define(RouteByField, ConfigType.String, "", Importance.Low,
            "The column whose value (from after, or before for deletes) replaces the topic name.")
        .Define(AddFieldsPrefix, ConfigType.String, MetadataPrefix, Importance.Low, "Prefix of the fields added by add.fields.")
        .Define(AddFields, ConfigType.List, "", Importance.Low,
            "Envelope fields to add to the value: field, struct.field, optionally :newName (e.g. op,source.ts_ms:event_ts).")
        .Define(AddHeadersPrefix, ConfigType.String, MetadataPrefix, Importance.Low, "Prefix of the headers added by add.headers.")
        .Define(AddHeaders, ConfigType.List, "", Importance.Low,
            "Envelope fields to add as headers: field, struct.field, optionally :newName.")
        .Define(DropFieldsHeaderName, ConfigType.String, null, Importance.Low,
            "A header whose value lists fields to remove from the value (and the key with drop.fields.from.key).")
        .Define(DropFieldsFromKey, ConfigType.Boolean, false, Importance.Low, "Also remove the listed fields from the key.")
        .Define(DropFieldsKeepSchemaCompatible, ConfigType.Boolean, true, Importance.Low,
            "true: remove only optional fields, keeping schemas compatible; false: remove the listed fields regardless.")
        .Define(ReplaceNullWithDefault, ConfigType.Boolean, true, Importance.Low,
            "When rewriting a record (the rewrite modes), copy null fields as their schema default.")
        .Define(new ConfigKey(SchemalessEnvelopes, ConfigType.String)
        {
            DefaultValue = "passthrough",
            Validator = CaseInsensitiveValidString.In("passthrough", "unwrap"),
            Importance = Importance.Low,
            Documentation = "Serverless.Connect extension. passthrough (Debezium): records without a *.Envelope value schema, " +
                            "including schemaless JSON envelopes, pass unchanged; unwrap: schemaless map envelopes are flattened too.",
        });

    public static ExtractNewRecordStateOptions Parse(ParsedConfig config)
    {
        var mode = config.GetString(DeleteTombstoneHandlingMode);
        var legacy = JavaStrings.IsNullOrBlank(mode);
        var strategy = legacy
            ? DeleteStrategy.ForLegacy(ParseLegacy(config.GetString(DeleteHandlingMode)!), config.GetBoolean(DropTombstones))
            : DeleteStrategy.For(ParseMode(mode!));
        var route = config.GetString(RouteByField);
        return new ExtractNewRecordStateOptions
        {
            Strategy = strategy,
            UsesLegacyDeleteHandling = legacy,
            RouteByField = string.IsNullOrEmpty(route) ? null : route,
            AddFields = ParseReferences(AddFields, config.GetString(AddFieldsPrefix) ?? "", config.GetList(AddFields) ?? []),
            AddHeaders = ParseReferences(AddHeaders, config.GetString(AddHeadersPrefix) ?? "", config.GetList(AddHeaders) ?? []),
            DropFieldsHeaderName = config.GetString(DropFieldsHeaderName),
            DropFieldsFromKey = config.GetBoolean(DropFieldsFromKey),
            DropFieldsKeepSchemaCompatible = config.GetBoolean(DropFieldsKeepSchemaCompatible),
            ReplaceNullWithDefault = config.GetBoolean(ReplaceNullWithDefault),
            UnwrapSchemaless = string.Equals(config.GetString(SchemalessEnvelopes), "unwrap", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static IReadOnlyList<FieldReference> ParseReferences(string key, string prefix, IReadOnlyList<string> entries)
    {
        try
        {
            return FieldReference.Parse(prefix, entries);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(key, string.Join(',', entries), e.Message);
        }
    }

    private static void ValidateMode(string name, object? value)
    {
        if (value is string text && !JavaStrings.IsNullOrBlank(text) && TryParseMode(text) is null)
        {
            throw new ConfigException(name, value,
                "Value must be one of drop, tombstone, rewrite, rewrite-with-tombstone, delete-to-tombstone");
        }
    }

    private static DeleteTombstoneHandling ParseMode(string text) =>
        TryParseMode(text) ?? throw new ConfigException(DeleteTombstoneHandlingMode, text, null);

    private static DeleteTombstoneHandling? TryParseMode(string text) => JavaStrings.Trim(text).ToLowerInvariant() switch
    {
        "drop" => DeleteTombstoneHandling.Drop,
        "tombstone" => DeleteTombstoneHandling.Tombstone,
        "rewrite" => DeleteTombstoneHandling.Rewrite,
        "rewrite-with-tombstone" => DeleteTombstoneHandling.RewriteWithTombstone,
        "delete-to-tombstone" => DeleteTombstoneHandling.DeleteToTombstone,
        _ => null,
    };

    private static LegacyDeleteHandling ParseLegacy(string text) => text.ToLowerInvariant() switch
    {
        "rewrite" => LegacyDeleteHandling.Rewrite,
        "none" => LegacyDeleteHandling.None,
        _ => LegacyDeleteHandling.Drop,
    };
}
