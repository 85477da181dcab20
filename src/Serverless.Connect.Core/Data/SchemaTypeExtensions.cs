namespace Serverless.Connect.Data;

/// <summary>Helpers for <see cref="SchemaType"/>.</summary>
public static class SchemaTypeExtensions
{
    /// <summary>Returns Kafka's enum name of the type, e.g. <c>INT32</c> or <c>STRUCT</c>, as used in Connect messages.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The upper-case Kafka name.</returns>
    public static string ToConnectName(this SchemaType type) => type switch
    {
        SchemaType.Int8 => "INT8",
        SchemaType.Int16 => "INT16",
        SchemaType.Int32 => "INT32",
        SchemaType.Int64 => "INT64",
        SchemaType.Float32 => "FLOAT32",
        SchemaType.Float64 => "FLOAT64",
        SchemaType.Boolean => "BOOLEAN",
        SchemaType.String => "STRING",
        SchemaType.Bytes => "BYTES",
        SchemaType.Array => "ARRAY",
        SchemaType.Map => "MAP",
        SchemaType.Struct => "STRUCT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown schema type."),
    };

    /// <summary>Returns whether the type is primitive (not ARRAY, MAP or STRUCT).</summary>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> for primitive types.</returns>
    public static bool IsPrimitive(this SchemaType type) => type is not (SchemaType.Array or SchemaType.Map or SchemaType.Struct);
}
