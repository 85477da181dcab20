namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>What to do when Elasticsearch rejects a document as malformed (<c>behavior.on.malformed.documents</c>).</summary>
public enum MalformedDocumentBehavior
{
    /// <summary>Report the record for the dead letter queue and continue; log at debug level.</summary>
    Ignore,

    /// <summary>Report the record for the dead letter queue and continue; log a warning.</summary>
    Warn,

    /// <summary>Report the record and fail the task.</summary>
    Fail,
}
