using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks;

/// <summary>The outcome of one record of a batch, in the order the records were passed.</summary>
/// <param name="Record">The record.</param>
/// <param name="Status">What happened to it.</param>
/// <param name="Error">Why it was not written, or null.</param>
public sealed record SinkRecordOutcome(ConnectRecord Record, SinkRecordStatus Status, SinkRecordError? Error = null);
