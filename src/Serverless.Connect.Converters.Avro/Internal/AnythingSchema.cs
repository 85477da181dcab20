namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Confluent's schema for schemaless Connect data, <c>io.confluent.connect.avro.Anything</c>: a record with one optional
/// field per kind of value, arrays of Anything and maps as arrays of Anything key/value entries.
/// </summary>
internal static class AnythingSchema
{
    public const string BooleanField = "boolean";
    public const string BytesField = "bytes";
    public const string DoubleField = "double";
    public const string FloatField = "float";
    public const string IntField = "int";
    public const string LongField = "long";
    public const string StringField = "string";
    public const string ArrayField = "array";
    public const string MapField = "map";

    private const string Json =
        "{\"type\":\"record\",\"name\":\"Anything\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[" +
        "{\"name\":\"boolean\",\"type\":[\"null\",\"boolean\"],\"default\":null}," +
        "{\"name\":\"bytes\",\"type\":[\"null\",\"bytes\"],\"default\":null}," +
        "{\"name\":\"double\",\"type\":[\"null\",\"double\"],\"default\":null}," +
        "{\"name\":\"float\",\"type\":[\"null\",\"float\"],\"default\":null}," +
        "{\"name\":\"int\",\"type\":[\"null\",\"int\"],\"default\":null}," +
        "{\"name\":\"long\",\"type\":[\"null\",\"long\"],\"default\":null}," +
        "{\"name\":\"string\",\"type\":[\"null\",\"string\"],\"default\":null}," +
        "{\"name\":\"array\",\"type\":[\"null\",{\"type\":\"array\",\"items\":\"Anything\"}],\"default\":null}," +
        "{\"name\":\"map\",\"type\":[\"null\",{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"MapEntry\",\"fields\":[" +
        "{\"name\":\"key\",\"type\":\"Anything\"},{\"name\":\"value\",\"type\":\"Anything\"}]}}],\"default\":null}]}";

    private static readonly CompiledSchema _compiled = CompiledSchema.Compile(AvroSchemaReader.Parse(Json), Json);

    public static CompiledSchema Compiled => _compiled;

    public static AvroNode Node => _compiled.Root;

    /// <summary>Gets the Apache.Avro schema of the Anything record.</summary>
    public static global::Avro.RecordSchema Record => (global::Avro.RecordSchema)_compiled.Codec;

    /// <summary>Gets the Apache.Avro schema of the map entry record.</summary>
    public static global::Avro.RecordSchema MapEntry =>
        (global::Avro.RecordSchema)((global::Avro.ArraySchema)((global::Avro.UnionSchema)Record[MapField].Schema).Schemas[1]).ItemSchema;
}
