using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>ExtractField</c>: replaces the key or value with one of its fields (a struct field with a schema, a map
/// entry without). With <c>field.syntax.version=V2</c> the field may be a nested dotted path. Use <see cref="Key"/> or
/// <see cref="Value"/>.
/// </summary>
/// <remarks>
/// A null key/value passes through (with a schema, the record gets the field's schema and a null value, as in Kafka).
/// A field missing from the schema fails with <c>Unknown field: name</c>; Kafka throws <c>IllegalArgumentException</c>,
/// this throws <see cref="DataException"/> with the same text.
/// </remarks>
public abstract class ExtractField : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.ExtractField$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.ExtractField$Value";

    /// <summary>The setting naming the field (or, with V2 syntax, the path) to extract.</summary>
    public const string FieldConfig = "field";

    private const string Purpose = "field extraction";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(FieldConfig, ConfigType.String, Importance.Medium, "Name (or, with V2 syntax, path) of the field to extract.")
        .DefineReplaceNullWithDefault()
        .DefineFieldSyntaxVersion();

    private readonly RecordPart _part;
    private string _originalPath = string.Empty;
    private SingleFieldPath _fieldPath = new(string.Empty, FieldSyntaxVersion.V1);
    private bool _replaceNullWithDefault = true;

    private protected ExtractField(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>field</c> (required), <c>replace.null.with.default</c> (true),
    /// <c>field.syntax.version</c> (V1).
    /// </summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _originalPath = parsed.GetString(FieldConfig)!;
        _fieldPath = new SingleFieldPath(_originalPath, FieldSyntax.FromConfig(parsed));
        _replaceNullWithDefault = parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig);
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var schema = _part.OperatingSchema(record);
        var value = _part.OperatingValue(record);
        if (schema is null)
        {
            var map = Requirements.RequireMapOrNull(value, Purpose);
            return _part.NewRecord(record, null, map is null ? null : _fieldPath.ValueFrom(map));
        }

        var structValue = Requirements.RequireStructOrNull(value, Purpose);
        var field = _fieldPath.FieldFrom(schema) ?? throw new DataException("Unknown field: " + _originalPath);
        return _part.NewRecord(record, field.Schema, structValue is null ? null : _fieldPath.ValueFrom(structValue, _replaceNullWithDefault));
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Extracts from the record key (<c>org.apache.kafka.connect.transforms.ExtractField$Key</c>).</summary>
    public sealed class Key : ExtractField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Extracts from the record value (<c>org.apache.kafka.connect.transforms.ExtractField$Value</c>).</summary>
    public sealed class Value : ExtractField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
