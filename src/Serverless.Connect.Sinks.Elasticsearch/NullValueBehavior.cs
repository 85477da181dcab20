namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>What to do with records whose value is null (<c>behavior.on.null.values</c>).</summary>
public enum NullValueBehavior
{
    /// <summary>Skip the record; it is reported as skipped with "Cannot write null valued record.".</summary>
    Ignore,

    /// <summary>Delete the document whose id is the record key.</summary>
    Delete,

    /// <summary>Fail the record (and therefore the task).</summary>
    Fail,
}
