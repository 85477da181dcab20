using System.Globalization;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>Flatten</c>: lifts nested struct fields (with a schema) or nested map entries (schemaless) to the top
/// level, joining the names with <c>delimiter</c>. Arrays are kept as they are. Use <see cref="Key"/> or <see cref="Value"/>.
/// </summary>
/// <remarks>
/// As in Kafka: null keys/values pass through; a flattened field is optional when any ancestor is optional and takes
/// its default from the ancestors' defaults; MAP fields inside a schema are rejected, as are structs inside schemaless
/// maps, and schemaless values that are not plain Connect values (dates, decimals) fail.
/// </remarks>
public abstract class Flatten : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.Flatten$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.Flatten$Value";

    /// <summary>The setting with the text placed between joined field names.</summary>
    public const string DelimiterConfig = "delimiter";

    private const string DelimiterDefault = ".";
    private const string Purpose = "flattening";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(DelimiterConfig, ConfigType.String, DelimiterDefault, Importance.Medium, "Text placed between the names of nested fields.");

    private readonly RecordPart _part;
    private string _delimiter = DelimiterDefault;
    private SchemaUpdateCache _schemaUpdateCache = new();

    private protected Flatten(RecordPart part)
    {
        _part = part;
    }

    /// <summary>Gets a copy of the configuration definition: <c>delimiter</c> (<c>.</c>).</summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _delimiter = parsed.GetString(DelimiterConfig) ?? string.Empty;
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
        if (schema is null)
        {
            var flattened = new OrderedDictionary<object, object?>();
            FlattenMap(Requirements.RequireMap(value, Purpose), string.Empty, flattened);
            return _part.NewRecord(record, null, MapValues.ToMap(flattened));
        }

        var structValue = Requirements.RequireStruct(value, Purpose);
        var updatedSchema = _schemaUpdateCache.GetOrAdd(schema, BuildFlattenedSchema);
        var builder = new StructBuilder(updatedSchema);
        FlattenStruct(structValue, string.Empty, builder);
        return _part.NewRecord(record, updatedSchema, builder.Build());
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    private static Schema ConvertFieldSchema(Schema original, bool optional, object? defaultFromParent)
    {
        var builder = SchemaUtil.CopySchemaBasics(original);
        if (optional)
        {
            builder.Optional();
        }

        if (defaultFromParent is not null)
        {
            builder.DefaultValue(defaultFromParent);
        }

        return builder.Build();
    }

    private static bool IsPassThrough(SchemaType type) => type.IsPrimitive() || type == SchemaType.Array;

    private string FieldName(string prefix, string name) => prefix.Length == 0 ? name : prefix + _delimiter + name;

    private void FlattenMap(IReadOnlyDictionary<object, object?> original, string prefix, OrderedDictionary<object, object?> flattened)
    {
        foreach (var (key, entry) in original)
        {
            var fieldName = FieldName(prefix, key as string ?? Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
            switch (entry)
            {
                case null:
                case sbyte or short or int or long or float or double or bool or string or byte[]:
                    flattened[fieldName] = entry;
                    break;
                case Struct:
                    throw new DataException(
                        $"Flatten transformation does not support {JavaTypeNames.ClassOf(entry)} for record without schemas (for field {fieldName}).");
                case not null when MapValues.IsMap(entry):
                    FlattenMap(Requirements.RequireMap(entry, Purpose), fieldName, flattened);
                    break;
                case not null when MapValues.IsList(entry):
                    flattened[fieldName] = entry;
                    break;
                default:
                    throw new DataException(
                        $"Flatten transformation was passed a value of type {JavaTypeNames.ClassOf(entry)} which is not supported by Connect's data API");
            }
        }
    }

    private Schema BuildFlattenedSchema(Schema schema)
    {
        var builder = SchemaUtil.CopySchemaBasics(schema, SchemaBuilder.Struct());
        AddFlattenedFields(schema, string.Empty, builder, schema.IsOptional, schema.DefaultValue as Struct);
        return builder.Build();
    }

    // Optionality and defaults flow down: a child of an optional struct is optional, and a child without its own
    // default takes the value it has in the parent's default struct.
    private void AddFlattenedFields(Schema schema, string prefix, SchemaBuilder flattened, bool optional, Struct? defaultFromParent)
    {
        foreach (var field in schema.Fields)
        {
            var fieldName = FieldName(prefix, field.Name);
            var fieldIsOptional = optional || field.Schema.IsOptional;
            var fieldDefault = field.Schema.DefaultValue ?? defaultFromParent?.Get(field.Name);
            if (IsPassThrough(field.Schema.Type))
            {
                flattened.Field(fieldName, ConvertFieldSchema(field.Schema, fieldIsOptional, fieldDefault));
            }
            else if (field.Schema.Type == SchemaType.Struct)
            {
                AddFlattenedFields(field.Schema, fieldName, flattened, fieldIsOptional, fieldDefault as Struct);
            }
            else
            {
                throw Unsupported(field.Schema.Type, fieldName);
            }
        }
    }

    private void FlattenStruct(Struct? value, string prefix, StructBuilder flattened)
    {
        if (value is null)
        {
            return;
        }

        foreach (var field in value.Schema.Fields)
        {
            var fieldName = FieldName(prefix, field.Name);
            if (IsPassThrough(field.Schema.Type))
            {
                flattened.Put(fieldName, value.Get(field));
            }
            else if (field.Schema.Type == SchemaType.Struct)
            {
                FlattenStruct((Struct?)value.Get(field), fieldName, flattened);
            }
            else
            {
                throw Unsupported(field.Schema.Type, fieldName);
            }
        }
    }

    private static DataException Unsupported(SchemaType type, string fieldName) =>
        new($"Flatten transformation does not support {type.ToConnectName()} for record with schemas (for field {fieldName}).");

    /// <summary>Flattens the record key (<c>org.apache.kafka.connect.transforms.Flatten$Key</c>).</summary>
    public sealed class Key : Flatten
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Flattens the record value (<c>org.apache.kafka.connect.transforms.Flatten$Value</c>).</summary>
    public sealed class Value : Flatten
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
