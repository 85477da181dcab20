using Microsoft.Extensions.Logging;
using Serverless.Connect.Converters;
using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>Services a <see cref="SinkRecordPipeline"/> (or <see cref="SourceRecordPipeline"/>) is built with; every member has a usable default.</summary>
public sealed record SinkRecordPipelineOptions
{
    /// <summary>Gets the converter registry.</summary>
    /// <value><see cref="ConverterRegistry.Default"/>.</value>
    public ConverterRegistry Converters { get; init; } = ConverterRegistry.Default;

    /// <summary>Gets where the configured transformations and predicates are found.</summary>
    /// <value><see cref="TransformRegistry.Default"/> (the built-in SMTs) when null.</value>
    public TransformRegistry? Transforms { get; init; }

    /// <summary>Gets the dead-letter-queue producer, used when <c>errors.deadletterqueue.topic.name</c> is set.</summary>
    public IDeadLetterQueueProducer? DeadLetterQueue { get; init; }

    /// <summary>Gets extra reporters, called after the log and DLQ reporters.</summary>
    public IReadOnlyList<IErrorReporter> Reporters { get; init; } = [];

    /// <summary>Gets the task number (the connector name comes from the config).</summary>
    /// <value>0.</value>
    public int TaskNumber { get; init; }

    /// <summary>Gets the clock for retries.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory; no logging when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the task's error metrics; a new instance when null.</summary>
    public ErrorHandlingMetrics? Metrics { get; init; }
}
