namespace Serverless.Connect.Configuration;

/// <summary>The target state requested for a connector (Strimzi <c>spec.state</c> or REST <c>initial_state</c>).</summary>
public enum ConnectorState
{
    /// <summary>Run the connector (the default).</summary>
    Running,

    /// <summary>Create the connector but keep its tasks paused.</summary>
    Paused,

    /// <summary>Create the connector but do not run any tasks.</summary>
    Stopped,
}
