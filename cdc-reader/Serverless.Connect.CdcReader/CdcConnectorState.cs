namespace Serverless.Connect.CdcReader;

/// <summary>A CDC connector's lifecycle state.</summary>
public enum CdcConnectorState
{
    /// <summary>Created, not started.</summary>
    Unassigned,

    /// <summary>Hot standby: another reader holds the replication slot; this one takes over when it is released.</summary>
    Standby,

    /// <summary>Holding the slot: snapshotting or streaming.</summary>
    Running,

    /// <summary>Stopped by an error (see <see cref="CdcConnectorStatus.Trace"/>).</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Stopped,
}
