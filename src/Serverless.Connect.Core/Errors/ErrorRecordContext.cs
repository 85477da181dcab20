using System.Globalization;
using System.Text;

namespace Serverless.Connect.Errors;

/// <summary>Identifies the record an error belongs to: a Kafka position (topic, partition, offset) or a source LSN.</summary>
/// <param name="Topic">The Kafka topic, if known.</param>
/// <param name="Partition">The Kafka partition, if known.</param>
/// <param name="Offset">The Kafka offset, if known.</param>
/// <param name="Lsn">The source log sequence number (for example a PostgreSQL LSN such as <c>0/16B3748</c>), if known.</param>
public sealed record ErrorRecordContext(string? Topic = null, int? Partition = null, long? Offset = null, string? Lsn = null)
{
    /// <summary>Creates a context for a Kafka record position.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="partition">The partition, or <see langword="null"/> when unknown.</param>
    /// <param name="offset">The offset, or <see langword="null"/> when unknown.</param>
    /// <returns>The context.</returns>
    public static ErrorRecordContext ForRecord(string topic, int? partition, long? offset) => new(topic, partition, offset);

    /// <summary>Creates a context for a source position identified by an LSN.</summary>
    /// <param name="lsn">The LSN text.</param>
    /// <returns>The context.</returns>
    public static ErrorRecordContext ForLsn(string lsn) => new(Lsn: lsn);

    /// <summary>Returns the non-empty parts as <c>topic=…, partition=…, offset=…, lsn=…</c>.</summary>
    /// <returns>The formatted context.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb, "topic", Topic);
        Append(sb, "partition", Partition?.ToString(CultureInfo.InvariantCulture));
        Append(sb, "offset", Offset?.ToString(CultureInfo.InvariantCulture));
        Append(sb, "lsn", Lsn);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(", ");
        }

        sb.Append(name).Append('=').Append(value);
    }
}
