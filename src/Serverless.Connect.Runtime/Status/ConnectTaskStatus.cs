namespace Serverless.Connect.Runtime.Status;

/// <summary>A task's entry in Connect's REST status (<c>{"id","state","worker_id","trace"?}</c>).</summary>
/// <param name="Id">The task number.</param>
/// <param name="State">Connect's state name: <c>UNASSIGNED</c>, <c>RUNNING</c>, <c>PAUSED</c>, <c>FAILED</c>, <c>STOPPED</c>, …</param>
/// <param name="WorkerId">The worker running the task (<c>host:port</c>).</param>
/// <param name="Trace">The Java-style stack trace of a failure, or null.</param>
public sealed record ConnectTaskStatus(int Id, string State, string WorkerId, string? Trace = null);
