using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Sinks;

/// <summary>What a sink task is given by its host.</summary>
/// <param name="ConnectorName">The connector's name.</param>
/// <param name="TaskId">The task number (always 0 here: one task per process).</param>
/// <param name="Host">How the host commits offsets.</param>
/// <param name="LoggerFactory">Where the task logs.</param>
/// <param name="TimeProvider">The clock for timeouts, backoff and rotation.</param>
public sealed record SinkTaskContext(
    string ConnectorName,
    int TaskId,
    SinkHostKind Host,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider);
