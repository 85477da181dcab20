namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>
/// Debezium's <c>field.name.adjustment.mode</c> applied to expanded JSON payload field names: <c>none</c>, <c>avro</c>
/// (invalid characters become <c>_</c>) or <c>avro_unicode</c> (invalid characters become <c>_uXXXX</c>).
/// </summary>
internal enum FieldNameAdjustment
{
    None,
    Avro,
    AvroUnicode,
}
