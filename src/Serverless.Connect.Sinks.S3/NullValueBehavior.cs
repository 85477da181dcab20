namespace Serverless.Connect.Sinks.S3;

/// <summary>What happens to records with a null value (<c>behavior.on.null.values</c>).</summary>
public enum NullValueBehavior
{
    /// <summary>The record fails (reported as malformed, so <c>errors.tolerance</c> decides).</summary>
    Fail,

    /// <summary>The record is skipped (and reported when <c>report.null.values.to.dlq</c> is true).</summary>
    Ignore,
}
