namespace Serverless.Connect.Sinks;

/// <summary>How the host running a sink task commits offsets, which decides when a buffering sink must make data durable.</summary>
public enum SinkHostKind
{
    /// <summary>A consumer group member that commits only what <see cref="ISinkTask.PreCommitAsync"/> returns.</summary>
    Standalone,

    /// <summary>
    /// The Azure Functions Kafka trigger: the host commits a whole batch once the invocation succeeds, and may redeliver
    /// records with different batch boundaries; a task must not report success for records that are not durable.
    /// </summary>
    FunctionsTrigger,
}
