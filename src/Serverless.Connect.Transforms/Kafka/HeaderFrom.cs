using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>HeaderFrom</c>: copies or moves fields of the key or value into headers; <c>fields</c> and <c>headers</c>
/// pair up by position. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// With a schema each header gets the field's schema, and <c>move</c> drops the fields from a copy of the struct schema
/// (name, version, doc and parameters kept; like Kafka, the new schema is not optional). Without a schema the value must
/// be a map; a missing entry gives a null header. A listed field absent from the schema fails with
/// <see cref="DataException"/> (Kafka throws a <c>NullPointerException</c>).
/// </remarks>
public abstract class HeaderFrom : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.HeaderFrom$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.HeaderFrom$Value";

    /// <summary>The <c>fields</c> setting: the fields to copy or move (required, non-empty list).</summary>
    public const string FieldsConfig = "fields";

    /// <summary>The <c>headers</c> setting: the header names, in the order of <c>fields</c> (required, non-empty list).</summary>
    public const string HeadersConfig = "headers";

    /// <summary>The <c>operation</c> setting: <c>move</c> or <c>copy</c> (required).</summary>
    public const string OperationConfig = "operation";

    private const string MoveOperation = "move";
    private const string CopyOperation = "copy";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(FieldsConfig, ConfigType.List, ConfigDef.NoDefaultValue, NonEmptyListValidator.Instance, Importance.High,
            "Field names in the record whose values are to be copied or moved to headers.")
        .Define(HeadersConfig, ConfigType.List, ConfigDef.NoDefaultValue, NonEmptyListValidator.Instance, Importance.High,
            "Header names, in the same order as the field names listed in the fields configuration property.")
        .Define(OperationConfig, ConfigType.String, ConfigDef.NoDefaultValue, ValidString.In(MoveOperation, CopyOperation), Importance.High,
            "Either move if the fields are to be moved to the headers (removed from the key/value), or copy if the fields are to be "
            + "copied to the headers (retained in the key/value).")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private readonly SchemaUpdateCache _moveSchemas = new();
    private Settings? _settings;

    private protected HeaderFrom(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>fields</c>, <c>headers</c>, <c>operation</c> (all required) and
    /// <c>replace.null.with.default</c> (true).
    /// </summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    /// <exception cref="ConfigException">A setting is invalid, or <c>fields</c> and <c>headers</c> differ in length.</exception>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(s_configDef, config);
        var fields = parsed.GetList(FieldsConfig)!;
        var headers = parsed.GetList(HeadersConfig)!;
        if (fields.Count != headers.Count)
        {
            throw new ConfigException($"'{FieldsConfig}' config must have the same number of elements as '{HeadersConfig}' config.");
        }

        var operation = parsed.GetString(OperationConfig)!;
        _settings = new Settings(
            fields,
            headers,
            string.Equals(operation, MoveOperation, StringComparison.Ordinal),
            parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig));
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var settings = _settings ?? throw new InvalidOperationException("HeaderFrom has not been configured.");
        var schema = _part.OperatingSchema(record);
        var value = _part.OperatingValue(record);
        return schema is null ? ApplySchemaless(record, value, settings) : ApplyWithSchema(record, value, schema, settings);
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    private ConnectRecord ApplyWithSchema(ConnectRecord record, object? operatingValue, Schema schema, Settings settings)
    {
        var value = Requirements.RequireStruct(operatingValue, settings.Purpose);
        var headers = record.Headers;
        for (var i = 0; i < settings.Fields.Count; i++)
        {
            var fieldName = settings.Fields[i];
            var fieldSchema = schema.FieldByName(fieldName)?.Schema
                ?? throw new DataException($"Field '{fieldName}' listed in '{FieldsConfig}' is not in the schema {schema}");
            var fieldValue = value.Schema.FieldByName(fieldName) is null
                ? null
                : StructValues.Get(value, fieldName, settings.ReplaceNullWithDefault);
            headers = headers.Add(settings.Headers[i], fieldSchema, fieldValue);
        }

        if (!settings.Move)
        {
            return _part.NewRecord(record, schema, value) with { Headers = headers };
        }

        var updatedSchema = _moveSchemas.GetOrAdd(schema, s => MoveSchema(s, settings.Fields));
        var builder = new StructBuilder(updatedSchema);
        foreach (var field in updatedSchema.Fields)
        {
            builder.Put(field, StructValues.Get(value, field.Name, settings.ReplaceNullWithDefault));
        }

        return _part.NewRecord(record, updatedSchema, builder.Build()) with { Headers = headers };
    }

    private ConnectRecord ApplySchemaless(ConnectRecord record, object? operatingValue, Settings settings)
    {
        var value = Requirements.RequireMap(operatingValue, settings.Purpose);
        var headers = record.Headers;
        for (var i = 0; i < settings.Fields.Count; i++)
        {
            headers = headers.Add(settings.Headers[i], null, MapValues.Get(value, settings.Fields[i]));
        }

        object updatedValue = value;
        if (settings.Move)
        {
            var builder = MapValues.ToBuilder(value);
            foreach (var field in settings.Fields)
            {
                builder.Remove(field);
            }

            updatedValue = MapValues.ToMap(builder);
        }

        return _part.NewRecord(record, null, updatedValue) with { Headers = headers };
    }

    private static Schema MoveSchema(Schema schema, IReadOnlyList<string> fields)
    {
        var builder = SchemaUtil.CopySchemaBasics(schema, SchemaBuilder.Struct());
        foreach (var field in schema.Fields)
        {
            if (!fields.Contains(field.Name, StringComparer.Ordinal))
            {
                builder.Field(field.Name, field.Schema);
            }
        }

        return builder.Build();
    }

    private sealed record Settings(IReadOnlyList<string> Fields, IReadOnlyList<string> Headers, bool Move, bool ReplaceNullWithDefault)
    {
        public string Purpose => "header " + (Move ? MoveOperation : CopyOperation);
    }

    /// <summary>Copies or moves fields of the record key (<c>org.apache.kafka.connect.transforms.HeaderFrom$Key</c>).</summary>
    public sealed class Key : HeaderFrom
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Copies or moves fields of the record value (<c>org.apache.kafka.connect.transforms.HeaderFrom$Value</c>).</summary>
    public sealed class Value : HeaderFrom
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
