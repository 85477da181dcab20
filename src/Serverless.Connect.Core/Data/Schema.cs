using System.Collections.ObjectModel;
using System.Globalization;
using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Data;

/// <summary>
/// An immutable Connect schema, mirroring <c>org.apache.kafka.connect.data.ConnectSchema</c>. Build instances with
/// <see cref="SchemaBuilder"/> or use the predefined schemas such as <see cref="Int32Schema"/>.
/// </summary>
/// <remarks>
/// Equality is structural (type, optionality, default, name, version, doc, parameters, fields, key and value schemas),
/// as in Kafka. Instances are safe to share between threads; reuse them across records, because converters cache work per schema.
/// </remarks>
public sealed partial class Schema : IEquatable<Schema>
{
    private static readonly Field[] _noFields = [];

    private readonly Field[] _fields;
    private readonly Dictionary<string, Field>? _fieldsByName;

    internal Schema(
        SchemaType type,
        bool isOptional,
        object? defaultValue,
        string? name,
        int? version,
        string? doc,
        IReadOnlyDictionary<string, string>? parameters,
        Field[]? fields,
        Schema? keySchema,
        Schema? valueSchema)
    {
        Type = type;
        IsOptional = isOptional;
        DefaultValue = defaultValue;
        Name = name;
        Version = version;
        Doc = doc;
        Parameters = parameters;
        KeySchema = type == SchemaType.Map ? keySchema : null;
        ValueSchema = type is SchemaType.Map or SchemaType.Array ? valueSchema : null;
        if (type == SchemaType.Struct && fields is { Length: > 0 })
        {
            _fields = fields;
            _fieldsByName = new Dictionary<string, Field>(fields.Length, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                _fieldsByName[field.Name] = field;
            }
        }
        else
        {
            _fields = _noFields;
        }

        Fields = new ReadOnlyCollection<Field>(_fields);
        Logical = ResolveLogical(name);
        if (Logical == LogicalType.Decimal)
        {
            DecimalScale = ParseScale(parameters);
        }
    }

    /// <summary>Gets the schema type.</summary>
    public SchemaType Type { get; }

    /// <summary>Gets a value indicating whether <see langword="null"/> is a valid value.</summary>
    public bool IsOptional { get; }

    /// <summary>Gets the default value, or <see langword="null"/> when there is none.</summary>
    public object? DefaultValue { get; }

    /// <summary>Gets the schema name (for example a logical type name or a Debezium record name), if any.</summary>
    public string? Name { get; }

    /// <summary>Gets the schema version, if any.</summary>
    public int? Version { get; }

    /// <summary>Gets the documentation string, if any.</summary>
    public string? Doc { get; }

    /// <summary>Gets the schema parameters in insertion order, or <see langword="null"/> when none were set.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; }

    /// <summary>Gets the fields of a STRUCT schema in order; empty for other types.</summary>
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>Gets the key schema of a MAP schema; <see langword="null"/> for other types.</summary>
    public Schema? KeySchema { get; }

    /// <summary>Gets the element schema of an ARRAY or the value schema of a MAP; <see langword="null"/> for other types.</summary>
    public Schema? ValueSchema { get; }

    internal Field[] FieldArray => _fields;

    internal LogicalType Logical { get; }

    // The parsed "scale" parameter of a Decimal schema; null when it is missing or invalid (reported on use, as in Kafka).
    internal int? DecimalScale { get; }

    /// <summary>Looks up a STRUCT field by name.</summary>
    /// <param name="name">The field name (case-sensitive).</param>
    /// <returns>The field, or <see langword="null"/> if there is no such field or the schema is not a STRUCT.</returns>
    public Field? FieldByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _fieldsByName is not null && _fieldsByName.TryGetValue(name, out var field) ? field : null;
    }

    /// <summary>Formats the schema like Kafka: <c>Schema{name:TYPE}</c> or <c>Schema{TYPE}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Name is null ? $"Schema{{{Type.ToConnectName()}}}" : $"Schema{{{Name}:{Type.ToConnectName()}}}";

    private static LogicalType ResolveLogical(string? name) => name switch
    {
        DecimalSchema.LogicalName => LogicalType.Decimal,
        DateSchema.LogicalName => LogicalType.Date,
        TimeSchema.LogicalName => LogicalType.Time,
        TimestampSchema.LogicalName => LogicalType.Timestamp,
        _ => LogicalType.None,
    };

    private static int? ParseScale(IReadOnlyDictionary<string, string>? parameters)
    {
        if (parameters is not null &&
            parameters.TryGetValue(DecimalSchema.ScaleParameter, out var text) &&
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var scale))
        {
            return scale;
        }

        return null;
    }
}
