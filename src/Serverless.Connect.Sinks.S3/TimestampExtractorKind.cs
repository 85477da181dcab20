namespace Serverless.Connect.Sinks.S3;

/// <summary>Where time-based partitioners take a record's time from (<c>timestamp.extractor</c>).</summary>
public enum TimestampExtractorKind
{
    /// <summary>Processing time; not deterministic, so at-least-once.</summary>
    Wallclock,

    /// <summary>The Kafka record timestamp.</summary>
    Record,

    /// <summary>A field of the value (<c>timestamp.field</c>).</summary>
    RecordField,
}
