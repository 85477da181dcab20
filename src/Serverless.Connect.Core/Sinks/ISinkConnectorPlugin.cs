namespace Serverless.Connect.Sinks;

/// <summary>A sink connector a host can run, found by its <c>connector.class</c>.</summary>
public interface ISinkConnectorPlugin
{
    /// <summary>Gets the fully qualified Java class name users put in <c>connector.class</c>.</summary>
    string ClassName { get; }

    /// <summary>Gets other accepted names (Connect also accepts the simple class name).</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>Validates the connector's settings and creates its task.</summary>
    /// <param name="values">The merged connector configuration (providers resolved).</param>
    /// <param name="context">What the host gives the task.</param>
    /// <returns>The task, not yet opened.</returns>
    /// <exception cref="Errors.ConnectException">A setting is invalid or a resource cannot be set up.</exception>
    ISinkTask CreateTask(IReadOnlyDictionary<string, string> values, SinkTaskContext context);
}
