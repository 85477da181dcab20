using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>The result of running one source record through the source pipeline.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Record">The record to produce, when <see cref="PipelineOutcome.Record"/>.</param>
/// <param name="Error">The tolerated failure, when <see cref="PipelineOutcome.Failed"/>.</param>
public readonly record struct SourcePipelineResult(PipelineOutcome Outcome, ProducerRecord? Record, ErrorReport? Error);
