namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>The Avro schema types (the names are the Avro type names in lower case).</summary>
internal enum AvroType
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record,
    Enum,
    Array,
    Map,
    Union,
    Fixed,
}
