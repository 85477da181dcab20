using System.Text;
using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>
/// An immutable STRUCT value: a schema plus one value per field. Mirrors <c>org.apache.kafka.connect.data.Struct</c>,
/// except that it cannot be changed after construction — use <see cref="StructBuilder"/> to create one and
/// <see cref="With(string, object?)"/> to derive a modified copy.
/// </summary>
/// <remarks>
/// As in Kafka, fields may be left unset (<see langword="null"/>) while building; <see cref="Get(string)"/> then returns the
/// field's default value, and <see cref="Validate"/> reports required fields that have neither a value nor a default.
/// </remarks>
public sealed partial class Struct : IEquatable<Struct>
{
    private const int Unknown = 0;
    private const int Valid = 1;

    private readonly object?[] _values;

    // Structs are immutable, so completeness is a fixed property: validate at most once (converters create valid structs).
    private int _validity;

    internal Struct(Schema schema, object?[] values, bool knownValid)
    {
        Schema = schema;
        _values = values;
        _validity = knownValid ? Valid : Unknown;
    }

    /// <summary>Gets the STRUCT schema of this value.</summary>
    public Schema Schema { get; }

    internal object?[] RawValues => _values;

    /// <summary>Creates a builder for a struct of the given schema.</summary>
    /// <param name="schema">A STRUCT schema.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="DataException">The schema is not a STRUCT schema.</exception>
    public static StructBuilder CreateBuilder(Schema schema) => new(schema);

    /// <summary>Gets a field value, or the field's default value when the field is unset.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DataException">The schema has no such field.</exception>
    public object? Get(string fieldName) => Get(LookupField(fieldName));

    /// <summary>Gets a field value, or the field's default value when the field is unset.</summary>
    /// <param name="field">A field of this struct's schema.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DataException">The field does not belong to this struct's schema.</exception>
    public object? Get(Field field) => _values[CheckField(field)] ?? field.Schema.DefaultValue;

    /// <summary>Gets a field value without substituting the default value.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The raw value.</returns>
    /// <exception cref="DataException">The schema has no such field.</exception>
    public object? GetWithoutDefault(string fieldName) => _values[LookupField(fieldName).Index];

    /// <summary>Gets a field value without substituting the default value.</summary>
    /// <param name="field">A field of this struct's schema.</param>
    /// <returns>The raw value.</returns>
    /// <exception cref="DataException">The field does not belong to this struct's schema.</exception>
    public object? GetWithoutDefault(Field field) => _values[CheckField(field)];

    /// <summary>Returns a copy of this struct with one field replaced; the value is validated against the field's schema.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <param name="value">The new value.</param>
    /// <returns>A new struct.</returns>
    /// <exception cref="DataException">There is no such field or the value does not match its schema.</exception>
    public Struct With(string fieldName, object? value) => With(LookupField(fieldName), value);

    /// <summary>Returns a copy of this struct with one field replaced; the value is validated against the field's schema.</summary>
    /// <param name="field">A field of this struct's schema.</param>
    /// <param name="value">The new value.</param>
    /// <returns>A new struct.</returns>
    /// <exception cref="DataException">The field does not belong to this schema or the value does not match its schema.</exception>
    public Struct With(Field field, object? value)
    {
        var index = CheckField(field);
        ValueValidator.Validate(field.Name, field.Schema, value);
        var copy = (object?[])_values.Clone();
        copy[index] = value;
        return new Struct(Schema, copy, knownValid: false);
    }

    /// <summary>Creates a builder initialised with this struct's values, to derive a struct with several changes.</summary>
    /// <returns>The builder.</returns>
    public StructBuilder ToBuilder() => new(Schema, (object?[])_values.Clone());

    /// <summary>Checks that every required field without a default has a value and that all values match their schemas.</summary>
    /// <exception cref="DataException">The struct is incomplete or invalid; the message names the field.</exception>
    public void Validate()
    {
        var failure = CheckValid();
        if (failure is not null)
        {
            throw failure.ToException(null);
        }
    }

    /// <inheritdoc/>
    public bool Equals(Struct? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !Schema.Equals(other.Schema))
        {
            return false;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (!ConnectValueComparer.Instance.Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Struct);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Schema);
        foreach (var value in _values)
        {
            hash.Add(ConnectValueComparer.Instance.GetHashCode(value));
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats the struct like Kafka: <c>Struct{name=value,other=value}</c>, skipping unset fields.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder("Struct{");
        var first = true;
        var fields = Schema.FieldArray;
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is null)
            {
                continue;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            sb.Append(fields[i].Name).Append('=');
            ValueText.Append(sb, _values[i]);
        }

        return sb.Append('}').ToString();
    }

    internal ValueValidator.Failure? CheckValid()
    {
        if (_validity == Valid)
        {
            return null;
        }

        var failure = ValueValidator.CheckStructFields(Schema, _values);
        if (failure is null)
        {
            _validity = Valid;
        }

        return failure;
    }

    private Field LookupField(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        return Schema.FieldByName(fieldName) ?? throw new DataException($"{fieldName} is not a valid field name");
    }

    private int CheckField(Field field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var fields = Schema.FieldArray;
        var index = field.Index;
        if (index >= fields.Length || (!ReferenceEquals(fields[index], field) && !fields[index].Equals(field)))
        {
            throw new DataException($"{field.Name} is not a valid field of {Schema}");
        }

        return index;
    }
}
