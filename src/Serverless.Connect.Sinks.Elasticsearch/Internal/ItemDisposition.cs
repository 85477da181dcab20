namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>How an item result is handled.</summary>
internal enum ItemDisposition
{
    /// <summary>Applied (or an expected conflict that means a newer write already won).</summary>
    Success,

    /// <summary>Transient: back off and resend the item.</summary>
    Retry,

    /// <summary>Bad document: handled per <c>behavior.on.malformed.documents</c>.</summary>
    Malformed,

    /// <summary>A version conflict without external versioning: reported and treated as processed, as Confluent does.</summary>
    Conflict,

    /// <summary>Anything else: reported, and the task fails.</summary>
    Fatal,
}
