using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>Typed accessors; each checks the field's schema type and, like <see cref="Get(string)"/>, applies defaults.</summary>
public sealed partial class Struct
{
    /// <summary>Gets an INT8 field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not INT8.</exception>
    public sbyte? GetInt8(string fieldName) => (sbyte?)GetChecked(fieldName, SchemaType.Int8);

    /// <summary>Gets an INT16 field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not INT16.</exception>
    public short? GetInt16(string fieldName) => (short?)GetChecked(fieldName, SchemaType.Int16);

    /// <summary>Gets an INT32 field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not INT32.</exception>
    public int? GetInt32(string fieldName) => (int?)GetChecked(fieldName, SchemaType.Int32);

    /// <summary>Gets an INT64 field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not INT64.</exception>
    public long? GetInt64(string fieldName) => (long?)GetChecked(fieldName, SchemaType.Int64);

    /// <summary>Gets a FLOAT32 field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not FLOAT32.</exception>
    public float? GetFloat32(string fieldName) => (float?)GetChecked(fieldName, SchemaType.Float32);

    /// <summary>Gets a FLOAT64 field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not FLOAT64.</exception>
    public double? GetFloat64(string fieldName) => (double?)GetChecked(fieldName, SchemaType.Float64);

    /// <summary>Gets a BOOLEAN field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not BOOLEAN.</exception>
    public bool? GetBoolean(string fieldName) => (bool?)GetChecked(fieldName, SchemaType.Boolean);

    /// <summary>Gets a STRING field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not STRING.</exception>
    public string? GetString(string fieldName) => (string?)GetChecked(fieldName, SchemaType.String);

    /// <summary>Gets a BYTES field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not BYTES.</exception>
    public byte[]? GetBytes(string fieldName) => GetChecked(fieldName, SchemaType.Bytes) as byte[];

    /// <summary>Gets an ARRAY field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not ARRAY.</exception>
    public IReadOnlyList<object?>? GetArray(string fieldName)
    {
        var value = GetChecked(fieldName, SchemaType.Array);
        return value as IReadOnlyList<object?> ?? (value as System.Collections.IList)?.Cast<object?>().ToList();
    }

    /// <summary>Gets a MAP field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not MAP.</exception>
    public IReadOnlyDictionary<object, object?>? GetMap(string fieldName)
    {
        var value = GetChecked(fieldName, SchemaType.Map);
        return value is null or IReadOnlyDictionary<object, object?>
            ? (IReadOnlyDictionary<object, object?>?)value
            : ConnectValueComparer.EnumerateMap(value).ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>Gets a STRUCT field.</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DataException">There is no such field or it is not STRUCT.</exception>
    public Struct? GetStruct(string fieldName) => (Struct?)GetChecked(fieldName, SchemaType.Struct);

    private object? GetChecked(string fieldName, SchemaType type)
    {
        var field = LookupField(fieldName);
        if (field.Schema.Type != type)
        {
            throw new DataException($"Field '{fieldName}' is not of type {type.ToConnectName()}");
        }

        return Get(field);
    }
}
