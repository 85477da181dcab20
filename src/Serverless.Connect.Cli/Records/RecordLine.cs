using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Cli.Records;

/// <summary>One stdin line read as a consumed record, or what could be read of it and why the rest could not.</summary>
/// <param name="Record">The record (with null key/value bytes where they could not be read).</param>
/// <param name="FailedStage">The stage the bad input is blamed on, or null when the line is fine.</param>
/// <param name="Error">The problem, naming the line number, or null.</param>
internal sealed record RecordLine(ConsumedRecord Record, ErrorStage? FailedStage, string? Error);
