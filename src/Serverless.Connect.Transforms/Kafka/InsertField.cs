using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>InsertField</c>: adds the record's topic, partition, offset (sink records only) and timestamp, and a static
/// string, as fields of the key or value. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// <para>A field name ending in <c>!</c> makes the added schema field required; <c>?</c> or no suffix keeps it optional.
/// Types: topic STRING, partition INT32, offset INT64, timestamp the Connect <c>Timestamp</c> logical type (a raw
/// epoch-millisecond <see cref="long"/> when schemaless), static STRING. A missing partition or timestamp is not
/// inserted. Null keys/values pass through.</para>
/// <para>Like Kafka 3.9, this transform has no <c>field.syntax.version</c>: names are always top-level. Kafka's
/// "No value specified for static field" message prints an internal object; this one prints the field name.</para>
/// </remarks>
public abstract class InsertField : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.InsertField$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.InsertField$Value";

    /// <summary>The setting naming the field for the topic.</summary>
    public const string TopicFieldConfig = "topic.field";

    /// <summary>The setting naming the field for the partition.</summary>
    public const string PartitionFieldConfig = "partition.field";

    /// <summary>The setting naming the field for the Kafka offset (sink connectors only).</summary>
    public const string OffsetFieldConfig = "offset.field";

    /// <summary>The setting naming the field for the record timestamp.</summary>
    public const string TimestampFieldConfig = "timestamp.field";

    /// <summary>The setting naming the field for the static value.</summary>
    public const string StaticFieldConfig = "static.field";

    /// <summary>The setting with the static value.</summary>
    public const string StaticValueConfig = "static.value";

    private const string Purpose = "field insertion";
    private const string OptionalityDoc = " Append '!' to make the field required, or '?' (the default) to keep it optional.";

    private static readonly Schema _optionalTimestampSchema = TimestampSchema.Builder().Optional().Build();

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(TopicFieldConfig, ConfigType.String, null, Importance.Medium, "Field for the Kafka topic." + OptionalityDoc)
        .Define(PartitionFieldConfig, ConfigType.String, null, Importance.Medium, "Field for the Kafka partition." + OptionalityDoc)
        .Define(OffsetFieldConfig, ConfigType.String, null, Importance.Medium, "Field for the Kafka offset; sink connectors only." + OptionalityDoc)
        .Define(TimestampFieldConfig, ConfigType.String, null, Importance.Medium, "Field for the record timestamp." + OptionalityDoc)
        .Define(StaticFieldConfig, ConfigType.String, null, Importance.Medium, "Field for the static value." + OptionalityDoc)
        .Define(StaticValueConfig, ConfigType.String, null, Importance.Medium, "The static value, when static.field is set.")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private InsertionSpec? _topicField;
    private InsertionSpec? _partitionField;
    private InsertionSpec? _offsetField;
    private InsertionSpec? _timestampField;
    private InsertionSpec? _staticField;
    private string? _staticValue;
    private bool _replaceNullWithDefault = true;
    private SchemaUpdateCache _schemaUpdateCache = new();

    private protected InsertField(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>topic.field</c>, <c>partition.field</c>, <c>offset.field</c>,
    /// <c>timestamp.field</c>, <c>static.field</c>, <c>static.value</c> (all null) and <c>replace.null.with.default</c> (true).
    /// </summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        var topicField = InsertionSpec.Parse(parsed.GetString(TopicFieldConfig));
        var partitionField = InsertionSpec.Parse(parsed.GetString(PartitionFieldConfig));
        var offsetField = InsertionSpec.Parse(parsed.GetString(OffsetFieldConfig));
        var timestampField = InsertionSpec.Parse(parsed.GetString(TimestampFieldConfig));
        var staticField = InsertionSpec.Parse(parsed.GetString(StaticFieldConfig));
        var staticValue = parsed.GetString(StaticValueConfig);
        if (topicField is null && partitionField is null && offsetField is null && timestampField is null && staticField is null)
        {
            throw new ConfigException("No field insertion configured");
        }

        if (staticField is not null && staticValue is null)
        {
            throw new ConfigException(StaticValueConfig, null, "No value specified for static field: " + staticField.Name);
        }

        (_topicField, _partitionField, _offsetField, _timestampField, _staticField, _staticValue) =
            (topicField, partitionField, offsetField, timestampField, staticField, staticValue);
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

    private ConnectRecord ApplySchemaless(ConnectRecord record, object value)
    {
        var updated = MapValues.ToBuilder(Requirements.RequireMap(value, Purpose));
        if (_topicField is not null)
        {
            updated[_topicField.Name] = record.Topic;
        }

        if (_partitionField is not null && record.KafkaPartition is { } partition)
        {
            updated[_partitionField.Name] = partition;
        }

        if (_offsetField is not null)
        {
            updated[_offsetField.Name] = Requirements.RequireSinkRecord(record, Purpose).KafkaOffset;
        }

        if (_timestampField is not null && record.Timestamp is { } timestamp)
        {
            updated[_timestampField.Name] = timestamp;
        }

        if (_staticField is not null && _staticValue is not null)
        {
            updated[_staticField.Name] = _staticValue;
        }

        return _part.NewRecord(record, null, MapValues.ToMap(updated));
    }

    private ConnectRecord ApplyWithSchema(ConnectRecord record, object value)
    {
        var original = Requirements.RequireStruct(value, Purpose);
        var updatedSchema = _schemaUpdateCache.GetOrAdd(original.Schema, MakeUpdatedSchema);
        var updated = new StructBuilder(updatedSchema);
        foreach (var field in original.Schema.Fields)
        {
            updated.Put(field.Name, StructValues.Get(original, field, _replaceNullWithDefault));
        }

        if (_topicField is not null)
        {
            updated.Put(_topicField.Name, record.Topic);
        }

        if (_partitionField is not null && record.KafkaPartition is { } partition)
        {
            updated.Put(_partitionField.Name, partition);
        }

        if (_offsetField is not null)
        {
            updated.Put(_offsetField.Name, Requirements.RequireSinkRecord(record, Purpose).KafkaOffset);
        }

        if (_timestampField is not null && record.Timestamp is { } timestamp)
        {
            updated.Put(_timestampField.Name, DateTimeOffset.FromUnixTimeMilliseconds(timestamp));
        }

        if (_staticField is not null && _staticValue is not null)
        {
            updated.Put(_staticField.Name, _staticValue);
        }

        return _part.NewRecord(record, updatedSchema, updated.Build());
    }

    private Schema MakeUpdatedSchema(Schema schema)
    {
        var builder = SchemaUtil.CopySchemaBasics(schema, SchemaBuilder.Struct());
        foreach (var field in schema.Fields)
        {
            builder.Field(field.Name, field.Schema);
        }

        AddField(builder, _topicField, Schema.OptionalStringSchema, Schema.StringSchema);
        AddField(builder, _partitionField, Schema.OptionalInt32Schema, Schema.Int32Schema);
        AddField(builder, _offsetField, Schema.OptionalInt64Schema, Schema.Int64Schema);
        AddField(builder, _timestampField, _optionalTimestampSchema, TimestampSchema.Schema);
        AddField(builder, _staticField, Schema.OptionalStringSchema, Schema.StringSchema);
        return builder.Build();
    }

    private static void AddField(SchemaBuilder builder, InsertionSpec? spec, Schema optional, Schema required)
    {
        if (spec is not null)
        {
            builder.Field(spec.Name, spec.Optional ? optional : required);
        }
    }

    private sealed record InsertionSpec(string Name, bool Optional)
    {
        public static InsertionSpec? Parse(string? spec) => spec switch
        {
            null => null,
            _ when spec.EndsWith('?') => new InsertionSpec(spec[..^1], true),
            _ when spec.EndsWith('!') => new InsertionSpec(spec[..^1], false),
            _ => new InsertionSpec(spec, true),
        };
    }

    /// <summary>Inserts into the record key (<c>org.apache.kafka.connect.transforms.InsertField$Key</c>).</summary>
    public sealed class Key : InsertField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Inserts into the record value (<c>org.apache.kafka.connect.transforms.InsertField$Value</c>).</summary>
    public sealed class Value : InsertField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
