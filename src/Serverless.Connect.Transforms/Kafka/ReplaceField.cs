using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>ReplaceField</c>: drops fields (<c>exclude</c>), keeps only some (<c>include</c>) and renames fields
/// (<c>renames</c>, <c>old:new</c> pairs) of the key or value. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// A field is kept when it is not excluded and <c>include</c> is empty or names it; exclusion wins. The pre-4.0 names
/// <c>blacklist</c> and <c>whitelist</c> are accepted for <c>exclude</c> and <c>include</c> (the new name wins when both
/// are set). Only top-level fields are affected. Null keys/values pass through.
/// </remarks>
public abstract class ReplaceField : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.ReplaceField$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.ReplaceField$Value";

    /// <summary>The setting listing fields to drop.</summary>
    public const string ExcludeConfig = "exclude";

    /// <summary>The setting listing the only fields to keep.</summary>
    public const string IncludeConfig = "include";

    /// <summary>The setting listing <c>old:new</c> rename pairs.</summary>
    public const string RenamesConfig = "renames";

    /// <summary>The deprecated name of <see cref="ExcludeConfig"/>.</summary>
    public const string BlacklistConfig = "blacklist";

    /// <summary>The deprecated name of <see cref="IncludeConfig"/>.</summary>
    public const string WhitelistConfig = "whitelist";

    private const string Purpose = "field replacement";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(ExcludeConfig, ConfigType.List, string.Empty, Importance.Medium, "Fields to drop; wins over include.")
        .DefineRenamed(BlacklistConfig, ExcludeConfig)
        .Define(IncludeConfig, ConfigType.List, string.Empty, Importance.Medium, "When not empty, the only fields to keep.")
        .DefineRenamed(WhitelistConfig, IncludeConfig)
        .Define(
            RenamesConfig,
            ConfigType.List,
            string.Empty,
            LambdaValidator.With((_, value) => ParseRenameMappings((IReadOnlyList<string>)value!), "list of colon-delimited pairs, e.g. foo:bar,abc:xyz"),
            Importance.Medium,
            "Field renames as old:new pairs.")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private HashSet<string> _exclude = [];
    private HashSet<string> _include = [];
    private Dictionary<string, string> _renames = [];
    private Dictionary<string, string> _reverseRenames = [];
    private bool _replaceNullWithDefault = true;
    private SchemaUpdateCache _schemaUpdateCache = new();

    private protected ReplaceField(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>exclude</c>, <c>include</c>, <c>renames</c> (all empty lists),
    /// the deprecated <c>blacklist</c>/<c>whitelist</c>, and <c>replace.null.with.default</c> (true).
    /// </summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _exclude = new HashSet<string>(parsed.GetList(ExcludeConfig)!, StringComparer.Ordinal);
        _include = new HashSet<string>(parsed.GetList(IncludeConfig)!, StringComparer.Ordinal);
        _renames = ParseRenameMappings(parsed.GetList(RenamesConfig)!);
        _reverseRenames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in _renames)
        {
            _reverseRenames[to] = from;
        }

        _replaceNullWithDefault = parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig);
        _schemaUpdateCache = new SchemaUpdateCache();
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var value = _part.OperatingValue(record);
        if (value is null)
        {
            return record;
        }

        return _part.OperatingSchema(record) is null ? ApplySchemaless(record, value) : ApplyWithSchema(record, value);
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    // Kafka's parseRenameMappings: each item must split on ':' into exactly two parts (Java split semantics).
    private static Dictionary<string, string> ParseRenameMappings(IReadOnlyList<string> mappings)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var parts = JavaStrings.Split(mapping, ':');
            if (parts.Length != 2)
            {
                throw new ConfigException(RenamesConfig, JavaStrings.ListText(mappings), "Invalid rename mapping: " + mapping);
            }

            result[parts[0]] = parts[1];
        }

        return result;
    }

    private bool Filter(string fieldName) =>
        !_exclude.Contains(fieldName) && (_include.Count == 0 || _include.Contains(fieldName));

    private string Renamed(string fieldName) => _renames.GetValueOrDefault(fieldName, fieldName);

    private string ReverseRenamed(string fieldName) => _reverseRenames.GetValueOrDefault(fieldName, fieldName);

    private ConnectRecord ApplySchemaless(ConnectRecord record, object value)
    {
        var original = Requirements.RequireMap(value, Purpose);
        var updated = new OrderedDictionary<object, object?>(original.Count);
        foreach (var (key, entry) in original)
        {
            if (key is string fieldName)
            {
                if (Filter(fieldName))
                {
                    updated[Renamed(fieldName)] = entry;
                }
            }
            else if (_include.Count == 0)
            {
                // Names in the config are strings, so a non-string key can only be kept, never excluded or renamed.
                updated[key] = entry;
            }
        }

        return _part.NewRecord(record, null, MapValues.ToMap(updated));
    }

    private ConnectRecord ApplyWithSchema(ConnectRecord record, object value)
    {
        var original = Requirements.RequireStruct(value, Purpose);
        var updatedSchema = _schemaUpdateCache.GetOrAdd(original.Schema, MakeUpdatedSchema);
        var updated = new StructBuilder(updatedSchema);
        foreach (var field in updatedSchema.Fields)
        {
            updated.Put(field, StructValues.Get(original, ReverseRenamed(field.Name), _replaceNullWithDefault));
        }

        return _part.NewRecord(record, updatedSchema, updated.Build());
    }

    private Schema MakeUpdatedSchema(Schema schema)
    {
        var builder = SchemaUtil.CopySchemaBasics(schema, SchemaBuilder.Struct());
        foreach (var field in schema.Fields)
        {
            if (Filter(field.Name))
            {
                builder.Field(Renamed(field.Name), field.Schema);
            }
        }

        return builder.Build();
    }

    /// <summary>Replaces fields of the record key (<c>org.apache.kafka.connect.transforms.ReplaceField$Key</c>).</summary>
    public sealed class Key : ReplaceField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Replaces fields of the record value (<c>org.apache.kafka.connect.transforms.ReplaceField$Value</c>).</summary>
    public sealed class Value : ReplaceField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
