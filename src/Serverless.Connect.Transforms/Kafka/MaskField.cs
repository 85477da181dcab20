using System.Numerics;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>
/// Kafka's <c>MaskField</c>: replaces the listed fields of the key or value with an empty value of their type (0,
/// false, "", the epoch, an empty list or map) or with the configured <c>replacement</c>. Use <see cref="Key"/> or
/// <see cref="Value"/>.
/// </summary>
/// <remarks>
/// <para>As in Kafka: the masked value depends on the value's runtime type; a Decimal masks to a zero of scale 0;
/// bytes and structs cannot be masked; a custom replacement applies only to numbers and strings and must parse as the
/// field's number type; schemaless masking of an absent field adds it with a null value. Null keys/values pass through.</para>
/// <para>A replacement that does not parse fails with <c>Unable to convert X (class java.lang.String) to number</c>.</para>
/// </remarks>
public abstract class MaskField : ITransformation
{
    /// <summary>Kafka's class name of the key variant.</summary>
    public const string KeyClassName = "org.apache.kafka.connect.transforms.MaskField$Key";

    /// <summary>Kafka's class name of the value variant.</summary>
    public const string ValueClassName = "org.apache.kafka.connect.transforms.MaskField$Value";

    /// <summary>The setting listing the fields to mask.</summary>
    public const string FieldsConfig = "fields";

    /// <summary>The setting with a custom replacement for numeric and string fields.</summary>
    public const string ReplacementConfig = "replacement";

    private const string Purpose = "mask fields";

    private static readonly ConfigDef _configDef = new ConfigDef()
        .Define(FieldsConfig, ConfigType.List, ConfigDef.NoDefaultValue, NonEmptyListValidator.Instance, Importance.High, "Fields to mask.")
        .Define(
            ReplacementConfig,
            ConfigType.String,
            null,
            new NonEmptyString(),
            Importance.Low,
            "Custom replacement for every masked field; only numeric and string fields accept one.")
        .DefineReplaceNullWithDefault();

    private readonly RecordPart _part;
    private IReadOnlyList<string> _maskedFieldList = [];
    private HashSet<string> _maskedFields = [];
    private string? _replacement;
    private bool _replaceNullWithDefault = true;

    private protected MaskField(RecordPart part)
    {
        _part = part;
    }

    /// <summary>
    /// Gets a copy of the configuration definition: <c>fields</c> (required, non-empty), <c>replacement</c> (null,
    /// non-empty when set), <c>replace.null.with.default</c> (true).
    /// </summary>
    public static ConfigDef ConfigDef => new(_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(_configDef, config);
        _maskedFieldList = parsed.GetList(FieldsConfig)!.Distinct(StringComparer.Ordinal).ToArray();
        _maskedFields = new HashSet<string>(_maskedFieldList, StringComparer.Ordinal);
        _replacement = parsed.GetString(ReplacementConfig);
        _replaceNullWithDefault = parsed.GetBoolean(TransformConfig.ReplaceNullWithDefaultConfig);
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
            var original = Requirements.RequireMap(value, Purpose);
            var updated = MapValues.ToBuilder(original);
            foreach (var field in _maskedFieldList)
            {
                updated[field] = Masked(MapValues.Get(original, field));
            }

            return _part.NewRecord(record, null, MapValues.ToMap(updated));
        }

        var structValue = Requirements.RequireStruct(value, Purpose);
        var builder = new StructBuilder(structValue.Schema);
        foreach (var field in structValue.Schema.Fields)
        {
            var fieldValue = StructValues.Get(structValue, field, _replaceNullWithDefault);
            builder.Put(field, _maskedFields.Contains(field.Name) ? Masked(fieldValue) : fieldValue);
        }

        return _part.NewRecord(record, schema, builder.Build());
    }

    /// <inheritdoc/>
    public void Dispose() => GC.SuppressFinalize(this);

    private static object MaskWithEmptyValue(object value) => value switch
    {
        bool => false,
        sbyte => (sbyte)0,
        short => (short)0,
        int => 0,
        long => 0L,
        float => 0f,
        double => 0d,
        BigInteger => BigInteger.Zero,
        ConnectDecimal => new ConnectDecimal(BigInteger.Zero, 0),
        DateTimeOffset => DateTimeOffset.UnixEpoch,
        DateOnly => DateOnly.FromDateTime(DateTime.UnixEpoch),
        TimeOnly => TimeOnly.MinValue,
        string => string.Empty,
        _ when MapValues.IsList(value) => Array.Empty<object?>(),
        _ when MapValues.IsMap(value) => ConnectMap.Empty,
        _ => throw new DataException("Cannot mask value of type: " + JavaTypeNames.ClassOf(value)),
    };

    private static object MaskWithReplacement(object value, string replacement)
    {
        if (value is string)
        {
            return replacement;
        }

        if (value is not (sbyte or short or int or long or float or double or BigInteger or ConnectDecimal))
        {
            throw new DataException($"Cannot mask value of type {JavaTypeNames.ClassOf(value)} with custom replacement.");
        }

        if (value is BigInteger)
        {
            return JavaNumbers.TryParseBigInteger(replacement, out var integer) ? integer : throw NotANumber(replacement);
        }

        if (!ConnectDecimal.TryParse(replacement, out var number))
        {
            throw NotANumber(replacement);
        }

        return value switch
        {
            sbyte => (sbyte)JavaNumbers.LongValue(number),
            short => (short)JavaNumbers.LongValue(number),
            int => (int)JavaNumbers.LongValue(number),
            long => JavaNumbers.LongValue(number),
            float => (float)number.ToDouble(),
            double => number.ToDouble(),
            _ => number,
        };
    }

    private static DataException NotANumber(string replacement) =>
        new($"Unable to convert {replacement} (class java.lang.String) to number");

    private object? Masked(object? value) => value switch
    {
        null => null,
        _ when _replacement is null => MaskWithEmptyValue(value),
        _ => MaskWithReplacement(value, _replacement),
    };

    /// <summary>Masks fields of the record key (<c>org.apache.kafka.connect.transforms.MaskField$Key</c>).</summary>
    public sealed class Key : MaskField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Key()
            : base(RecordPart.Key)
        {
        }
    }

    /// <summary>Masks fields of the record value (<c>org.apache.kafka.connect.transforms.MaskField$Value</c>).</summary>
    public sealed class Value : MaskField
    {
        /// <summary>Creates an unconfigured instance.</summary>
        public Value()
            : base(RecordPart.Value)
        {
        }
    }
}
