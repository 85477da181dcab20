using System.Globalization;
using Serverless.Connect.Data;
using Serverless.Connect.Text;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// storage-common's <c>TimeBasedPartitioner</c>: the timestamp, shifted into <c>timezone</c>, is truncated to a
/// multiple of <c>partition.duration.ms</c>, shifted back, and printed with the Joda <c>path.format</c>.
/// </summary>
internal sealed class TimeBasedPartitioner : IPartitioner
{
    private readonly long _durationMs;
    private readonly JodaDateTimeFormat _format;
    private readonly TimeZoneInfo _zone;
    private readonly string _delimiter;

    public TimeBasedPartitioner(long durationMs, string pathFormat, TimeZoneInfo zone, CultureInfo? locale, string delimiter)
    {
        _durationMs = durationMs;
        _zone = zone;
        _delimiter = delimiter;
        _format = new JodaDateTimeFormat(pathFormat, zone, locale);
    }

    public string Encode(ConnectRecord record, long timestamp)
    {
        var path = _format.Format(BucketStart(timestamp));

        // storage-common trims a trailing delimiter of path.format.
        return _delimiter.Length > 0 && path.EndsWith(_delimiter, StringComparison.Ordinal) ? path[..^_delimiter.Length] : path;
    }

    public long BucketStart(long timestamp)
    {
        if (_durationMs <= 0)
        {
            return timestamp;
        }

        var local = timestamp + OffsetMillis(timestamp);

        // Java's long division truncates toward zero, and so does C#'s.
        var bucket = local / _durationMs * _durationMs;

        // Joda's convertLocalToUTC(local, strict=false): use the offset in force at the local instant.
        var guess = bucket - OffsetMillis(bucket);
        return bucket - OffsetMillis(guess);
    }

    private long OffsetMillis(long epochMillis)
    {
        var clamped = Math.Clamp(epochMillis, -62_135_596_800_000L + 86_400_000, 253_402_300_799_999L - 86_400_000);
        return (long)_zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(clamped)).TotalMilliseconds;
    }
}
