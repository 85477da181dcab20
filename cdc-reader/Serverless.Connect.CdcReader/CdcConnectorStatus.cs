namespace Serverless.Connect.CdcReader;

/// <summary>A CDC connector's state, and the failure's Java-style stack trace when it failed.</summary>
/// <param name="State">The state.</param>
/// <param name="Trace">The failure as <c>Throwable.printStackTrace</c> would print it, when <see cref="CdcConnectorState.Failed"/>.</param>
public sealed record CdcConnectorStatus(CdcConnectorState State, string? Trace = null)
{
    /// <summary>
    /// Gets the task state as Connect's REST API names it: a standby's task is <c>UNASSIGNED</c> (it holds no work
    /// yet), the others map one to one (<c>RUNNING</c>, <c>FAILED</c>, …).
    /// </summary>
    public string ConnectStateName => State == CdcConnectorState.Standby ? "UNASSIGNED" : State.ToString().ToUpperInvariant();
}
