namespace Serverless.Connect.Functions;

/// <summary>How an invocation ended: success (HTTP 200) or a batch the host must retry without committing (non-2xx).</summary>
/// <param name="Succeeded">Whether every record is durably written, dead-lettered or dropped.</param>
/// <param name="Logs">What to tell the host (and, on failure, why: partitions and offsets).</param>
internal sealed record InvocationResult(bool Succeeded, IReadOnlyList<string> Logs);
