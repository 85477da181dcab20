namespace Serverless.Connect.Hosting.Kafka;

/// <summary>A sink task's state, with Kafka Connect's names (<c>AbstractStatus.State</c>).</summary>
public enum SinkTaskState
{
    /// <summary>Created, not yet running.</summary>
    Unassigned,

    /// <summary>Consuming and writing.</summary>
    Running,

    /// <summary>Stopped by an error; it does not recover until restarted (as in Connect).</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Stopped,
}
