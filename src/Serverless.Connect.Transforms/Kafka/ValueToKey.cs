using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>ValueToKey</c>: replaces the record key with a struct (with a schema) or map (schemaless) made of the
/// listed fields of the value. There is a single class, <c>org.apache.kafka.connect.transforms.ValueToKey</c>.
/// </summary>
/// <remarks>
/// As in Kafka, a tombstone (null value) is not passed through: it fails with <c>Only Map objects supported in absence
/// of schema for [copying fields from value to key], found: null</c> (guard the transform with a
/// <c>RecordIsTombstone</c> predicate and <c>negate=true</c>). A listed field missing from the value schema fails with
/// <c>Field does not exist: name</c>; missing schemaless fields become null entries.
/// </remarks>
public sealed class ValueToKey : ITransformation
{
    /// <summary>Kafka's class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.ValueToKey";

    /// <summary>The setting listing the value fields that form the key.</summary>
    public const string FieldsConfig = "fields";

    private const string Purpose = "copying fields from value to key";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(FieldsConfig, ConfigType.List, ConfigDef.NoDefaultValue, NonEmptyListValidator.Instance, Importance.High, "Value fields that form the new key.")
        .DefineReplaceNullWithDefault();

    private IReadOnlyList<string> _fields = [];
    private bool _replaceNullWithDefault = true;
    private SchemaUpdateCache _keySchemaCache = new();

    /// <summary>Gets a copy of the configuration definition: <c>fields</c> (required, non-empty), <c>replace.null.with.default</c> (true).</summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _fields = parsed.GetList(FieldsConfig)!;
        _replaceNullWithDefault = parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig);
        _keySchemaCache = new SchemaUpdateCache();
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ValueSchema is null)
        {
            var value = Requirements.RequireMap(record.Value, Purpose);
            var key = new OrderedDictionary<object, object?>(_fields.Count);
            foreach (var field in _fields)
            {
                key[field] = MapValues.Get(value, field);
            }

            return record with { KeySchema = null, Key = MapValues.ToMap(key) };
        }

        var structValue = Requirements.RequireStruct(record.Value, Purpose);
        var keySchema = _keySchemaCache.GetOrAdd(structValue.Schema, BuildKeySchema);
        var builder = new StructBuilder(keySchema);
        foreach (var field in _fields)
        {
            builder.Put(field, StructValues.Get(structValue, field, _replaceNullWithDefault));
        }

        return record with { KeySchema = keySchema, Key = builder.Build(), ValueSchema = structValue.Schema };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private Schema BuildKeySchema(Schema valueSchema)
    {
        var builder = SchemaBuilder.Struct();
        foreach (var field in _fields)
        {
            var fromValue = valueSchema.FieldByName(field) ?? throw new DataException("Field does not exist: " + field);
            builder.Field(field, fromValue.Schema);
        }

        return builder.Build();
    }
}
