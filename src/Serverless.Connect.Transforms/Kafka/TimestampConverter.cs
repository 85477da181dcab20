using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Text;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>TimestampConverter</c>: converts a timestamp field (or, with an empty <c>field</c>, the whole key or
/// value) between a formatted string, Unix time (<c>unix.precision</c>), and the Connect Date, Time and Timestamp
/// types. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// <para>The source type comes from the schema (the logical type name, else STRING means text and INT64 Unix time) or,
/// schemaless, from the value (a long is Unix time, a string is text, a date value is a timestamp). Strings are
/// formatted and parsed with <c>format</c> as Java's lenient <c>SimpleDateFormat</c> in UTC. Date keeps the UTC day,
/// Time the UTC time of day. Seconds round toward zero; micro- and nanoseconds lose their sub-millisecond part.</para>
/// <para>As in Kafka, a null key/value gives null (with a schema, under the converted schema), and a schemaless field
/// that is absent is added as null. Java's <c>Date</c> covers a wider range than .NET; instants outside years 1-9999
/// fail here when converted to Date or Timestamp.</para>
/// </remarks>
public abstract class TimestampConverter : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.TimestampConverter$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.TimestampConverter$Value";

    /// <summary>The setting naming the field to convert; empty converts the whole key or value.</summary>
    public const string FieldConfig = "field";

    /// <summary>The setting with the target type: <c>string</c>, <c>unix</c>, <c>Date</c>, <c>Time</c> or <c>Timestamp</c>.</summary>
    public const string TargetTypeConfig = "target.type";

    /// <summary>The setting with the SimpleDateFormat pattern for string timestamps.</summary>
    public const string FormatConfig = "format";

    /// <summary>The setting with the Unix time unit: <c>seconds</c>, <c>milliseconds</c>, <c>microseconds</c> or <c>nanoseconds</c>.</summary>
    public const string UnixPrecisionConfig = "unix.precision";

    private const string Purpose = "converting timestamp formats";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(FieldConfig, ConfigType.String, string.Empty, Importance.High, "The timestamp field; empty when the whole key or value is the timestamp.")
        .Define(
            TargetTypeConfig,
            ConfigType.String,
            ConfigDef.NoDefaultValue,
            ValidString.In(
                TimestampTranslation.TypeString,
                TimestampTranslation.TypeUnix,
                TimestampTranslation.TypeDate,
                TimestampTranslation.TypeTime,
                TimestampTranslation.TypeTimestamp),
            Importance.High,
            "The representation to convert to: string, unix, Date, Time or Timestamp.")
        .Define(FormatConfig, ConfigType.String, string.Empty, Importance.Medium, "SimpleDateFormat pattern for writing (target string) and reading string timestamps.")
        .Define(
            UnixPrecisionConfig,
            ConfigType.String,
            TimestampTranslation.PrecisionMillis,
            ValidString.In(
                TimestampTranslation.PrecisionNanos,
                TimestampTranslation.PrecisionMicros,
                TimestampTranslation.PrecisionMillis,
                TimestampTranslation.PrecisionSeconds),
            Importance.Low,
            "Unit of Unix times, read and written: seconds, milliseconds, microseconds or nanoseconds.")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private string _field = string.Empty;
    private TimestampTranslation _translation = new(TimestampTranslation.TypeTimestamp, null, TimestampTranslation.PrecisionMillis);
    private bool _replaceNullWithDefault = true;
    private SchemaUpdateCache _schemaUpdateCache = new();

    private protected TimestampConverter(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>field</c> (""), <c>target.type</c> (required), <c>format</c> (""),
    /// <c>unix.precision</c> (milliseconds), <c>replace.null.with.default</c> (true).
    /// </summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        var targetType = parsed.GetString(TargetTypeConfig)!;
        var pattern = parsed.GetString(FormatConfig);
        if (targetType == TimestampTranslation.TypeString && string.IsNullOrWhiteSpace(pattern))
        {
            throw new ConfigException("TimestampConverter requires format option to be specified when using string timestamps");
        }

        JavaSimpleDateFormat? format = null;
        if (!string.IsNullOrWhiteSpace(pattern))
        {
            try
            {
                format = new JavaSimpleDateFormat(pattern, TimeZoneInfo.Utc);
            }
            catch (ArgumentException e)
            {
                throw new ConfigException("TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: " + pattern, e);
            }
        }

        _field = parsed.GetString(FieldConfig) ?? string.Empty;
        _translation = new TimestampTranslation(targetType, format, parsed.GetString(UnixPrecisionConfig)!);
        _replaceNullWithDefault = parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig);
        _schemaUpdateCache = new SchemaUpdateCache();
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var schema = _part.OperatingSchema(record);
        var value = _part.OperatingValue(record);
        return schema is null ? ApplySchemaless(record, value) : ApplyWithSchema(record, schema, value);
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    private ConnectRecord ApplySchemaless(ConnectRecord record, object? value)
    {
        if (value is null || _field.Length == 0)
        {
            return _part.NewRecord(record, null, _translation.Convert(value, null));
        }

        var original = Requirements.RequireMap(value, Purpose);
        var updated = MapValues.ToBuilder(original);
        updated[_field] = _translation.Convert(MapValues.Get(original, _field), null);
        return _part.NewRecord(record, null, MapValues.ToMap(updated));
    }

    private ConnectRecord ApplyWithSchema(ConnectRecord record, Schema schema, object? value)
    {
        if (_field.Length == 0)
        {
            var sourceType = TimestampTranslation.SourceTypeOf(schema);
            return _part.NewRecord(record, _translation.TargetSchema(schema.IsOptional), _translation.Convert(value, sourceType));
        }

        var structValue = Requirements.RequireStructOrNull(value, Purpose);
        var updatedSchema = _schemaUpdateCache.GetOrAdd(schema, BuildSchema);
        return _part.NewRecord(record, updatedSchema, ConvertStruct(structValue, updatedSchema));
    }

    private Schema BuildSchema(Schema schema)
    {
        var builder = SchemaUtil.CopySchemaBasics(schema, SchemaBuilder.Struct());
        foreach (var field in schema.Fields)
        {
            builder.Field(field.Name, field.Name == _field ? _translation.TargetSchema(field.Schema.IsOptional) : field.Schema);
        }

        if (schema.IsOptional)
        {
            builder.Optional();
        }

        if (schema.DefaultValue is Struct defaultValue)
        {
            builder.DefaultValue(ConvertStruct(defaultValue, builder.Build()));
        }

        return builder.Build();
    }

    private Struct? ConvertStruct(Struct? value, Schema updatedSchema)
    {
        if (value is null)
        {
            return null;
        }

        var updated = new StructBuilder(updatedSchema);
        foreach (var field in value.Schema.Fields)
        {
            var fieldValue = StructValues.Get(value, field, _replaceNullWithDefault);
            updated.Put(field.Name, field.Name == _field ? _translation.Convert(fieldValue, TimestampTranslation.SourceTypeOf(field.Schema)) : fieldValue);
        }

        return updated.Build();
    }

    /// <summary>Converts the record key (<c>org.apache.kafka.connect.transforms.TimestampConverter$Key</c>).</summary>
    public sealed class Key : TimestampConverter
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Converts the record value (<c>org.apache.kafka.connect.transforms.TimestampConverter$Value</c>).</summary>
    public sealed class Value : TimestampConverter
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
