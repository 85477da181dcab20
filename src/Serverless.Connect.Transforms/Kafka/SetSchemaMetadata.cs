using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>SetSchemaMetadata</c>: sets the name and/or version of the key or value schema, rebinding a struct value
/// to the renamed schema. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// As in Kafka, a record without a schema fails (<c>Schema required for [updating schema metadata]</c>), and a null
/// value keeps being null under the updated schema. Unlike Kafka, a STRUCT schema's default value must match the
/// renamed schema, so renaming a struct schema that has a default struct fails.
/// </remarks>
public abstract class SetSchemaMetadata : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.SetSchemaMetadata$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.SetSchemaMetadata$Value";

    /// <summary>The setting with the schema name to set.</summary>
    public const string SchemaNameConfig = "schema.name";

    /// <summary>The setting with the schema version to set.</summary>
    public const string SchemaVersionConfig = "schema.version";

    private const string Purpose = "updating schema metadata";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(SchemaNameConfig, ConfigType.String, null, Importance.High, "Schema name to set.")
        .Define(SchemaVersionConfig, ConfigType.Int, null, Importance.High, "Schema version to set.")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private string? _schemaName;
    private int? _schemaVersion;
    private bool _replaceNullWithDefault = true;

    private protected SetSchemaMetadata(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>schema.name</c> (null), <c>schema.version</c> (null),
    /// <c>replace.null.with.default</c> (true). At least one of name and version is required.
    /// </summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        var schemaName = parsed.GetString(SchemaNameConfig);
        var schemaVersion = (int?)parsed.Get(SchemaVersionConfig);
        if (schemaName is null && schemaVersion is null)
        {
            throw new ConfigException("Neither schema name nor version configured");
        }

        _schemaName = schemaName;
        _schemaVersion = schemaVersion;
        _replaceNullWithDefault = parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig);
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var schema = _part.OperatingSchema(record);
        Requirements.RequireSchema(schema, Purpose);
        var updatedSchema = UpdatedSchema(schema!);
        return _part.NewRecord(record, updatedSchema, UpdateSchemaIn(_part.OperatingValue(record), updatedSchema));
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    private Schema UpdatedSchema(Schema schema)
    {
        var builder = schema.Type switch
        {
            SchemaType.Array => SchemaBuilder.Array(schema.ValueSchema!),
            SchemaType.Map => SchemaBuilder.Map(schema.KeySchema!, schema.ValueSchema!),
            _ => new SchemaBuilder(schema.Type),
        };
        if (schema.IsOptional)
        {
            builder.Optional();
        }

        builder.Name(_schemaName ?? schema.Name).Version(_schemaVersion ?? schema.Version).Doc(schema.Doc);
        if (schema.Parameters is not null)
        {
            builder.Parameters(schema.Parameters);
        }

        foreach (var field in schema.Fields)
        {
            builder.Field(field.Name, field.Schema);
        }

        if (schema.DefaultValue is not null)
        {
            builder.DefaultValue(schema.DefaultValue);
        }

        return builder.Build();
    }

    // Kafka's updateSchemaIn: a struct is rebuilt under the new schema; any other value is returned as is.
    private object? UpdateSchemaIn(object? value, Schema updatedSchema)
    {
        if (value is not Struct original)
        {
            return value;
        }

        var builder = new StructBuilder(updatedSchema);
        foreach (var field in updatedSchema.Fields)
        {
            builder.Put(field, StructValues.Get(original, field.Name, _replaceNullWithDefault));
        }

        return builder.Build();
    }

    /// <summary>Updates the key schema (<c>org.apache.kafka.connect.transforms.SetSchemaMetadata$Key</c>).</summary>
    public sealed class Key : SetSchemaMetadata
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Updates the value schema (<c>org.apache.kafka.connect.transforms.SetSchemaMetadata$Value</c>).</summary>
    public sealed class Value : SetSchemaMetadata
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
