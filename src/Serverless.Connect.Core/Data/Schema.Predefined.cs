namespace Serverless.Connect.Data;

/// <summary>Predefined primitive schemas, mirroring Kafka's <c>Schema.INT32_SCHEMA</c> and friends.</summary>
public sealed partial class Schema
{
    /// <summary>A required INT8 schema.</summary>
    public static readonly Schema Int8Schema = Primitive(SchemaType.Int8, false);

    /// <summary>A required INT16 schema.</summary>
    public static readonly Schema Int16Schema = Primitive(SchemaType.Int16, false);

    /// <summary>A required INT32 schema.</summary>
    public static readonly Schema Int32Schema = Primitive(SchemaType.Int32, false);

    /// <summary>A required INT64 schema.</summary>
    public static readonly Schema Int64Schema = Primitive(SchemaType.Int64, false);

    /// <summary>A required FLOAT32 schema.</summary>
    public static readonly Schema Float32Schema = Primitive(SchemaType.Float32, false);

    /// <summary>A required FLOAT64 schema.</summary>
    public static readonly Schema Float64Schema = Primitive(SchemaType.Float64, false);

    /// <summary>A required BOOLEAN schema.</summary>
    public static readonly Schema BooleanSchema = Primitive(SchemaType.Boolean, false);

    /// <summary>A required STRING schema.</summary>
    public static readonly Schema StringSchema = Primitive(SchemaType.String, false);

    /// <summary>A required BYTES schema.</summary>
    public static readonly Schema BytesSchema = Primitive(SchemaType.Bytes, false);

    /// <summary>An optional INT8 schema.</summary>
    public static readonly Schema OptionalInt8Schema = Primitive(SchemaType.Int8, true);

    /// <summary>An optional INT16 schema.</summary>
    public static readonly Schema OptionalInt16Schema = Primitive(SchemaType.Int16, true);

    /// <summary>An optional INT32 schema.</summary>
    public static readonly Schema OptionalInt32Schema = Primitive(SchemaType.Int32, true);

    /// <summary>An optional INT64 schema.</summary>
    public static readonly Schema OptionalInt64Schema = Primitive(SchemaType.Int64, true);

    /// <summary>An optional FLOAT32 schema.</summary>
    public static readonly Schema OptionalFloat32Schema = Primitive(SchemaType.Float32, true);

    /// <summary>An optional FLOAT64 schema.</summary>
    public static readonly Schema OptionalFloat64Schema = Primitive(SchemaType.Float64, true);

    /// <summary>An optional BOOLEAN schema.</summary>
    public static readonly Schema OptionalBooleanSchema = Primitive(SchemaType.Boolean, true);

    /// <summary>An optional STRING schema.</summary>
    public static readonly Schema OptionalStringSchema = Primitive(SchemaType.String, true);

    /// <summary>An optional BYTES schema.</summary>
    public static readonly Schema OptionalBytesSchema = Primitive(SchemaType.Bytes, true);

    private static Schema Primitive(SchemaType type, bool optional) =>
        new(type, optional, null, null, null, null, null, null, null, null);
}
