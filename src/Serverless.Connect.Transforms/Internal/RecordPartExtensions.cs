using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>
/// The three hooks of Kafka's <c>$Key</c>/<c>$Value</c> pattern (<c>operatingSchema</c>, <c>operatingValue</c>,
/// <c>newRecord</c>) as one switch, so each transform holds a <see cref="RecordPart"/> instead of being subclassed twice.
/// </summary>
internal static class RecordPartExtensions
{
    public static Schema? OperatingSchema(this RecordPart part, ConnectRecord record) =>
        part == RecordPart.Key ? record.KeySchema : record.ValueSchema;

    public static object? OperatingValue(this RecordPart part, ConnectRecord record) =>
        part == RecordPart.Key ? record.Key : record.Value;

    /// <summary>Kafka's <c>record.newRecord(...)</c> replacing one half: topic, partition, timestamp and headers are kept.</summary>
    public static ConnectRecord NewRecord(this RecordPart part, ConnectRecord record, Schema? updatedSchema, object? updatedValue) =>
        part == RecordPart.Key
            ? record with { KeySchema = updatedSchema, Key = updatedValue }
            : record with { ValueSchema = updatedSchema, Value = updatedValue };
}
