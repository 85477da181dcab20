using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's <c>transforms.util.Requirements</c>: shape checks that throw <see cref="DataException"/> with Connect's texts.</summary>
internal static class Requirements
{
    public static void RequireSchema(Schema? schema, string purpose)
    {
        if (schema is null)
        {
            throw new DataException($"Schema required for [{purpose}]");
        }
    }

    /// <summary>Returns the value as a map, or throws when it is not a MAP value (null included).</summary>
    public static IReadOnlyDictionary<object, object?> RequireMap(object? value, string purpose) =>
        MapValues.AsMap(value) ??
        throw new DataException($"Only Map objects supported in absence of schema for [{purpose}], found: {JavaTypeNames.NameOf(value)}");

    public static IReadOnlyDictionary<object, object?>? RequireMapOrNull(object? value, string purpose) =>
        value is null ? null : RequireMap(value, purpose);

    public static Struct RequireStruct(object? value, string purpose) =>
        value as Struct ??
        throw new DataException($"Only Struct objects supported for [{purpose}], found: {JavaTypeNames.NameOf(value)}");

    public static Struct? RequireStructOrNull(object? value, string purpose) =>
        value is null ? null : RequireStruct(value, purpose);

    /// <summary>
    /// Kafka's <c>requireSinkRecord</c>. Records here carry no source/sink type; a record consumed from Kafka (a sink
    /// record) is the one with a Kafka offset, so a negative <see cref="ConnectRecord.KafkaOffset"/> means a source record.
    /// </summary>
    public static ConnectRecord RequireSinkRecord(ConnectRecord record, string purpose)
    {
        if (record.KafkaOffset < 0)
        {
            throw new DataException($"Only SinkRecord supported for [{purpose}], found: org.apache.kafka.connect.source.SourceRecord");
        }

        return record;
    }
}
