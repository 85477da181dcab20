using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>Cast</c>: casts top-level fields, or the whole key or value, to int8, int16, int32, int64, float32,
/// float64, boolean or string. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// <para>Java's conversions are kept: numbers narrow by wrapping (floating point saturates through int/long first),
/// booleans cast to 1/0, numbers to boolean compare their <c>long</c> value with 0 (so 0.5 is false), strings parse
/// with Java's <c>parseXxx</c> (text other than <c>true</c> is false), and bytes cast only to a base64 string.
/// Date/Time/Timestamp values cast to their int/long encoding, or to text with Kafka's <c>Values</c> date patterns
/// (<c>HH:mm:ss.SSS'Z'</c> below one day, <c>yyyy-MM-dd</c> at midnight, else <c>yyyy-MM-dd'T'HH:mm:ss.SSS'Z'</c>);
/// Kafka formats those in the JVM's zone, this always uses UTC. Decimals cast through <c>BigDecimal</c>.</para>
/// <para>As in Kafka, a whole-value cast keeps the schema's name, version, doc and parameters; a schemaless field cast
/// adds an absent field with a null value; null keys/values pass through.</para>
/// </remarks>
public abstract class Cast : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.Cast$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.Cast$Value";

    /// <summary>The setting with the casts: <c>field:type</c> pairs, or a single type for the whole value.</summary>
    public const string SpecConfig = "spec";

    private const string Purpose = "cast types";

    // Kafka reports a malformed pair under ReplaceField's key; kept so the message matches.
    private const string RenamesKey = "renames";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(
            SpecConfig,
            ConfigType.List,
            ConfigDef.NoDefaultValue,
            LambdaValidator.With(ValidateSpec, "list of colon-delimited pairs, e.g. foo:bar,abc:xyz"),
            Importance.High,
            "Casts as field:type pairs, or one type to cast the whole value. Types: int8, int16, int32, int64, float32, " +
            "float64, boolean, string; bytes can only be cast to string.")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private CastTypes.Spec _spec = new([], null);
    private Dictionary<string, SchemaType> _casts = [];
    private bool _replaceNullWithDefault = true;
    private SchemaUpdateCache _schemaUpdateCache = new();

    private protected Cast(RecordPart part)
    {
        _part = part;
    }

    /// <summary>Gets a copy of the configuration definition: <c>spec</c> (required), <c>replace.null.with.default</c> (true).</summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _spec = CastTypes.Parse(parsed.GetList(SpecConfig)!, RenamesKey);
        _casts = new Dictionary<string, SchemaType>(_spec.FieldCasts, StringComparer.Ordinal);
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

        var schema = _part.OperatingSchema(record);
        return schema is null ? ApplySchemaless(record, value) : ApplyWithSchema(record, schema, value);
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    private static void ValidateSpec(string name, object? value)
    {
        if (value is not IReadOnlyList<string> { Count: > 0 } mappings)
        {
            throw new ConfigException("Must specify at least one field to cast.");
        }

        CastTypes.Parse(mappings, RenamesKey);
    }

    private static SchemaBuilder ConvertFieldType(SchemaType type) => type switch
    {
        SchemaType.Int8 => SchemaBuilder.Int8(),
        SchemaType.Int16 => SchemaBuilder.Int16(),
        SchemaType.Int32 => SchemaBuilder.Int32(),
        SchemaType.Int64 => SchemaBuilder.Int64(),
        SchemaType.Float32 => SchemaBuilder.Float32(),
        SchemaType.Float64 => SchemaBuilder.Float64(),
        SchemaType.Boolean => SchemaBuilder.Bool(),
        SchemaType.String => SchemaBuilder.String(),
        _ => throw new DataException("Unexpected type in Cast transformation: " + type.ToConnectName()),
    };

    private ConnectRecord ApplySchemaless(ConnectRecord record, object value)
    {
        if (_spec.WholeValueType is { } wholeValueType)
        {
            return _part.NewRecord(record, null, CastValues.CastValueToType(null, value, wholeValueType));
        }

        var original = Requirements.RequireMap(value, Purpose);
        var updated = MapValues.ToBuilder(original);
        foreach (var (field, targetType) in _spec.FieldCasts)
        {
            updated[field] = CastValues.CastValueToType(null, MapValues.Get(original, field), targetType);
        }

        return _part.NewRecord(record, null, MapValues.ToMap(updated));
    }

    private ConnectRecord ApplyWithSchema(ConnectRecord record, Schema schema, object value)
    {
        var updatedSchema = _schemaUpdateCache.GetOrAdd(schema, BuildSchema);
        if (_spec.WholeValueType is { } wholeValueType)
        {
            return _part.NewRecord(record, updatedSchema, CastValues.CastValueToType(schema, value, wholeValueType));
        }

        var original = Requirements.RequireStruct(value, Purpose);
        var updated = new StructBuilder(updatedSchema);
        foreach (var field in original.Schema.Fields)
        {
            var fieldValue = StructValues.Get(original, field, _replaceNullWithDefault);
            var newValue = _casts.TryGetValue(field.Name, out var targetType)
                ? CastValues.CastValueToType(field.Schema, fieldValue, targetType)
                : fieldValue;
            updated.Put(field.Name, newValue);
        }

        return _part.NewRecord(record, updatedSchema, updated.Build());
    }

    private Schema BuildSchema(Schema schema)
    {
        SchemaBuilder builder;
        if (_spec.WholeValueType is { } wholeValueType)
        {
            builder = SchemaUtil.CopySchemaBasics(schema, ConvertFieldType(wholeValueType));
        }
        else
        {
            builder = SchemaUtil.CopySchemaBasics(schema, SchemaBuilder.Struct());
            foreach (var field in schema.Fields)
            {
                builder.Field(field.Name, _casts.TryGetValue(field.Name, out var targetType) ? CastFieldSchema(field.Schema, targetType) : field.Schema);
            }
        }

        if (schema.IsOptional)
        {
            builder.Optional();
        }

        if (schema.DefaultValue is not null)
        {
            builder.DefaultValue(CastValues.CastValueToType(schema, schema.DefaultValue, builder.Type));
        }

        return builder.Build();
    }

    private static Schema CastFieldSchema(Schema fieldSchema, SchemaType targetType)
    {
        var builder = ConvertFieldType(targetType);
        if (fieldSchema.IsOptional)
        {
            builder.Optional();
        }

        if (fieldSchema.DefaultValue is not null)
        {
            builder.DefaultValue(CastValues.CastValueToType(fieldSchema, fieldSchema.DefaultValue, targetType));
        }

        return builder.Build();
    }

    /// <summary>Casts the record key (<c>org.apache.kafka.connect.transforms.Cast$Key</c>).</summary>
    public sealed class Key : Cast
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Casts the record value (<c>org.apache.kafka.connect.transforms.Cast$Value</c>).</summary>
    public sealed class Value : Cast
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
