using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>
/// Runs one stage for <see cref="TransformationChain.Apply(ConnectRecord, TransformationStageRunner)"/>, typically
/// <c>stage.Apply(record)</c> inside the error handler's retry-and-tolerance logic for stage <c>TRANSFORMATION</c>.
/// </summary>
/// <param name="stage">The stage; its index, alias and class name give the error context.</param>
/// <param name="record">The record entering the stage.</param>
/// <returns>The stage's result; null drops the record and ends the chain.</returns>
public delegate ConnectRecord? TransformationStageRunner(TransformationStage stage, ConnectRecord record);
