namespace Serverless.Connect.Data;

/// <summary>The Connect schema types, mirroring <c>org.apache.kafka.connect.data.Schema.Type</c>.</summary>
/// <remarks>
/// Values are represented as: INT8 <see cref="sbyte"/>, INT16 <see cref="short"/>, INT32 <see cref="int"/>,
/// INT64 <see cref="long"/>, FLOAT32 <see cref="float"/>, FLOAT64 <see cref="double"/>, BOOLEAN <see cref="bool"/>,
/// STRING <see cref="string"/>, BYTES <see cref="byte"/>[], ARRAY <see cref="IReadOnlyList{T}"/> of object,
/// MAP <see cref="IReadOnlyDictionary{TKey, TValue}"/> of object to object, STRUCT <see cref="Data.Struct"/>.
/// </remarks>
public enum SchemaType
{
    /// <summary>8-bit signed integer (<see cref="sbyte"/>).</summary>
    Int8,

    /// <summary>16-bit signed integer (<see cref="short"/>).</summary>
    Int16,

    /// <summary>32-bit signed integer (<see cref="int"/>).</summary>
    Int32,

    /// <summary>64-bit signed integer (<see cref="long"/>).</summary>
    Int64,

    /// <summary>32-bit IEEE 754 floating point (<see cref="float"/>).</summary>
    Float32,

    /// <summary>64-bit IEEE 754 floating point (<see cref="double"/>).</summary>
    Float64,

    /// <summary>Boolean (<see cref="bool"/>).</summary>
    Boolean,

    /// <summary>Character string (<see cref="string"/>).</summary>
    String,

    /// <summary>Sequence of bytes (<see cref="byte"/>[]).</summary>
    Bytes,

    /// <summary>Ordered sequence of values sharing one element schema.</summary>
    Array,

    /// <summary>Mapping from keys to values, each with its own schema.</summary>
    Map,

    /// <summary>Ordered set of named fields, each with its own schema (<see cref="Data.Struct"/>).</summary>
    Struct,
}
