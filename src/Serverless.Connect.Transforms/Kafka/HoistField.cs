using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>HoistField</c>: wraps the whole key or value in a struct (with a schema) or a map (schemaless) holding one
/// field named by <c>field</c>. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>As in Kafka, a null key/value is wrapped too (a schemaless null becomes <c>{field: null}</c>).</remarks>
public abstract class HoistField : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.HoistField$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.HoistField$Value";

    /// <summary>The setting naming the single field of the wrapper.</summary>
    public const string FieldConfig = "field";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(FieldConfig, ConfigType.String, Importance.Medium, "Name of the one field of the wrapping struct or map.");

    private readonly RecordPart _part;
    private SchemaUpdateCache _schemaUpdateCache = new();
    private string _fieldName = string.Empty;

    private protected HoistField(RecordPart part)
    {
        _part = part;
    }

    /// <summary>Gets a copy of the configuration definition: <c>field</c> (required).</summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _fieldName = parsed.GetString(FieldConfig)!;
        _schemaUpdateCache = new SchemaUpdateCache();
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var schema = _part.OperatingSchema(record);
        var value = _part.OperatingValue(record);
        if (schema is null)
        {
            var map = ConnectMap.Create([new KeyValuePair<object, object?>(_fieldName, value)]);
            return _part.NewRecord(record, null, map);
        }

        var updatedSchema = _schemaUpdateCache.GetOrAdd(schema, s => SchemaBuilder.Struct().Field(_fieldName, s).Build());
        var updatedValue = new StructBuilder(updatedSchema).Put(_fieldName, value).Build();
        return _part.NewRecord(record, updatedSchema, updatedValue);
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Hoists the record key (<c>org.apache.kafka.connect.transforms.HoistField$Key</c>).</summary>
    public sealed class Key : HoistField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Hoists the record value (<c>org.apache.kafka.connect.transforms.HoistField$Value</c>).</summary>
    public sealed class Value : HoistField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
