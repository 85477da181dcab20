using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>Builds an immutable <see cref="Struct"/>; each value is validated against its field's schema when put.</summary>
/// <remarks>The builder can be reused: <see cref="Build"/> copies the values.</remarks>
public sealed class StructBuilder
{
    private object?[] _values;

    // Build hands the array to the struct instead of copying it (one builder per row is the hot path); a later Put
    // copies first, so a built struct never changes.
    private bool _shared;

    /// <summary>Initializes a builder for the given STRUCT schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <exception cref="DataException">The schema is not a STRUCT schema.</exception>
    public StructBuilder(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type != SchemaType.Struct)
        {
            throw new DataException($"Not a struct schema: {schema}");
        }

        Schema = schema;
        _values = new object?[schema.FieldArray.Length];
    }

    internal StructBuilder(Schema schema, object?[] values)
    {
        Schema = schema;
        _values = values;
    }

    /// <summary>Gets the schema of the struct being built.</summary>
    public Schema Schema { get; }

    /// <summary>Sets a field value.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <param name="value">The value; validated against the field's schema.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="DataException">There is no such field or the value does not match its schema.</exception>
    public StructBuilder Put(string fieldName, object? value)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        var field = Schema.FieldByName(fieldName) ?? throw new DataException($"{fieldName} is not a valid field name");
        return Put(field, value);
    }

    /// <summary>Sets a field value.</summary>
    /// <param name="field">A field of the schema.</param>
    /// <param name="value">The value; validated against the field's schema.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="DataException">The field does not belong to the schema or the value does not match its schema.</exception>
    public StructBuilder Put(Field field, object? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var fields = Schema.FieldArray;
        if (field.Index >= fields.Length || !fields[field.Index].Equals(field))
        {
            throw new DataException($"{field.Name} is not a valid field of {Schema}");
        }

        ValueValidator.Validate(field.Name, field.Schema, value);
        if (_shared)
        {
            _values = (object?[])_values.Clone();
            _shared = false;
        }

        _values[field.Index] = value;
        return this;
    }

    /// <summary>Gets the value set so far for a field, without defaults.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value, or <see langword="null"/> when unset.</returns>
    /// <exception cref="DataException">There is no such field.</exception>
    public object? Get(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        var field = Schema.FieldByName(fieldName) ?? throw new DataException($"{fieldName} is not a valid field name");
        return _values[field.Index];
    }

    /// <summary>Creates the struct. Unset fields stay unset (see <see cref="Struct.Validate"/>).</summary>
    /// <returns>The struct.</returns>
    public Struct Build()
    {
        _shared = true;
        return new(Schema, _values, knownValid: false);
    }

    /// <summary>Creates the struct and checks that it is complete.</summary>
    /// <returns>The struct.</returns>
    /// <exception cref="DataException">A required field without a default is unset.</exception>
    public Struct BuildValidated()
    {
        var result = Build();
        result.Validate();
        return result;
    }
}
