using Microsoft.Extensions.Logging;
using Serverless.Connect.Runtime.Sinks;

namespace Serverless.Connect.Hosting.Kafka;

/// <summary>Services and tuning of a <see cref="StandaloneSinkHost"/>; every member has a usable default.</summary>
public sealed record SinkHostOptions
{
    /// <summary>Gets the batch size cap, overriding <c>consumer.max.poll.records</c> / <c>consumer.override.max.poll.records</c>.</summary>
    /// <value>Null: the configured value, or Kafka's default of 500.</value>
    public int? MaxBatchRecords { get; init; }

    /// <summary>Gets how long a batch may wait for more records after its first one arrived.</summary>
    /// <value>50 ms.</value>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets how long one blocking <c>Consume</c> waits before the loop checks for shutdown and due redeliveries.</summary>
    /// <value>100 ms.</value>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets the first pause of a partition whose records the sink left retriable; it doubles per attempt.</summary>
    /// <value>100 ms.</value>
    public TimeSpan RedeliveryBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets the longest pause before a redelivery.</summary>
    /// <value>10 s.</value>
    public TimeSpan RedeliveryBackoffMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long a graceful stop lets the batch in progress finish before abandoning it (uncommitted).</summary>
    /// <value>30 s.</value>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how often an idle task still runs preCommit and commits (a buffering sink rotates files on schedule there).</summary>
    /// <value>1 s.</value>
    public TimeSpan IdleCommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the window of the <c>-rate</c> metrics (Connect's <c>metrics.sample.window.ms</c> × <c>metrics.num.samples</c> is 30 s × 2).</summary>
    /// <value>30 s.</value>
    public TimeSpan MetricsWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the worker id reported in the task status.</summary>
    /// <value>The machine name.</value>
    public string WorkerId { get; init; } = Environment.MachineName;

    /// <summary>Gets the clock for linger, backoff and retries.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory; no logging when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the sinks the host can run, by <c>connector.class</c>.</summary>
    /// <value>Null: <see cref="BuiltInSinks.Create"/>.</value>
    public SinkConnectorRegistry? Sinks { get; init; }
}
