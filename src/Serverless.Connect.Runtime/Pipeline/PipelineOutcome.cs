namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>What happened to one consumed record in the sink pipeline.</summary>
public enum PipelineOutcome
{
    /// <summary>Converted and transformed; ready for <c>put</c>.</summary>
    Record,

    /// <summary>A transformation (for example <c>Filter</c>) dropped it.</summary>
    Dropped,

    /// <summary>It failed, the failure was tolerated and reported (log, DLQ); skip it.</summary>
    Failed,
}
