using Serverless.Connect.Data;
using Serverless.Connect.Runtime.Errors;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>The result of running one consumed record through the sink pipeline.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Record">The record to put, when <see cref="PipelineOutcome.Record"/>.</param>
/// <param name="Error">The tolerated failure, when <see cref="PipelineOutcome.Failed"/>.</param>
public readonly record struct PipelineResult(PipelineOutcome Outcome, ConnectRecord? Record, ErrorReport? Error)
{
    /// <summary>A record ready for <c>put</c>.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The result.</returns>
    public static PipelineResult Transformed(ConnectRecord record) => new(PipelineOutcome.Record, record, null);

    /// <summary>A dropped record.</summary>
    /// <returns>The result.</returns>
    public static PipelineResult Dropped() => new(PipelineOutcome.Dropped, null, null);

    /// <summary>A tolerated failure.</summary>
    /// <param name="error">The failure.</param>
    /// <returns>The result.</returns>
    public static PipelineResult Failed(ErrorReport error) => new(PipelineOutcome.Failed, null, error);
}
