namespace Serverless.Connect.Hosting.Kafka;

/// <summary>A sink task's status as Connect's REST API reports it (<c>{"id":0,"state":…,"worker_id":…,"trace"?}</c>).</summary>
/// <param name="State">The state.</param>
/// <param name="WorkerId">The worker running the task.</param>
/// <param name="Trace">The Java-style stack trace of the failure, when <see cref="SinkTaskState.Failed"/>.</param>
public sealed record SinkTaskStatus(SinkTaskState State, string WorkerId, string? Trace = null)
{
    /// <summary>Gets the state's name as Connect writes it (<c>RUNNING</c>, <c>FAILED</c>, …).</summary>
    public string StateName => State.ToString().ToUpperInvariant();
}
