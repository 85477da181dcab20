using System.Globalization;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>storage-common's timestamp extractors: Wallclock, Record and RecordField.</summary>
internal sealed class TimestampExtractor(TimestampExtractorKind kind, string field)
{
    public TimestampExtractorKind Kind => kind;

    public long Extract(ConnectRecord record, long nowMillis)
    {
        switch (kind)
        {
            case TimestampExtractorKind.Wallclock:
                return nowMillis;
            case TimestampExtractorKind.Record:
                return record.Timestamp ?? throw new PartitionException(
                    $"Unable to determine timestamp using timestamp.extractor Record for record {Describe(record)}: the record has no timestamp.");
            default:
                return FromField(record);
        }
    }

    private long FromField(ConnectRecord record)
    {
        if (record.Value is not (Struct or IReadOnlyDictionary<object, object?> or System.Collections.IDictionary))
        {
            throw new PartitionException(
                $"Unable to determine timestamp using timestamp.extractor RecordField for record {Describe(record)}: the value is not a struct or map.");
        }

        if (!FieldPaths.TryGet(record.Value, field, out var value, out _) || value is null)
        {
            throw new PartitionException(
                $"Unable to determine timestamp using timestamp.extractor RecordField for record {Describe(record)}: field '{field}' is missing or null.");
        }

        return value switch
        {
            DateTimeOffset instant => instant.ToUnixTimeMilliseconds(),
            long l => l,
            int i => i,
            string s => ParseText(s, record),
            _ => throw new PartitionException(
                $"Unsupported type '{value.GetType().Name}' for user-defined timestamp field '{field}' of record {Describe(record)}."),
        };
    }

    private long ParseText(string text, ConnectRecord record)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
        {
            return millis;
        }

        // Joda's ISODateTimeFormat.dateTimeParser(): ISO-8601, UTC when no offset is given.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.ToUnixTimeMilliseconds();
        }

        throw new PartitionException($"Invalid timestamp '{text}' in field '{field}' of record {Describe(record)}.");
    }

    internal static string Describe(ConnectRecord record) =>
        $"{record.Topic}-{record.KafkaPartition?.ToString(CultureInfo.InvariantCulture) ?? "?"}@{record.KafkaOffset.ToString(CultureInfo.InvariantCulture)}";
}
