using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Internal;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>
/// A sink task's pre-put pipeline (Connect's <c>WorkerSinkTask.convertAndTransformRecord</c>): key converter → value
/// converter → header conversion → transformation chain, each stage under the <see cref="RetryWithToleranceOperator"/>.
/// </summary>
/// <remarks>Thread-safe when the configured transformations are (the Connect contract requires it).</remarks>
public sealed class SinkRecordPipeline : IDisposable
{
    private readonly IConverter _keyConverter;
    private readonly IConverter _valueConverter;
    private readonly HeaderConversion _headers;
    private readonly TransformationChain _chain;

    private SinkRecordPipeline(
        ConnectorTaskId taskId,
        ConverterSettings? keyConverter,
        ConverterSettings? valueConverter,
        ConverterSettings headerConverter,
        TransformationChain chain,
        RetryWithToleranceOperator errorHandler,
        ConverterRegistry registry)
    {
        TaskId = taskId;
        var converters = new ConnectorConverters(keyConverter, valueConverter, headerConverter, registry);
        KeyConverterClass = converters.KeyClass;
        ValueConverterClass = converters.ValueClass;
        _keyConverter = converters.Key;
        _valueConverter = converters.Value;
        _headers = converters.Headers;
        _chain = chain;
        ErrorHandler = errorHandler;
    }

    /// <summary>Gets the task this pipeline runs for.</summary>
    public ConnectorTaskId TaskId { get; }

    /// <summary>Gets the error handler (its <see cref="RetryWithToleranceOperator.Metrics"/> are the task's error metrics).</summary>
    public RetryWithToleranceOperator ErrorHandler { get; }

    /// <summary>Gets the Java class name of the key converter.</summary>
    public string KeyConverterClass { get; }

    /// <summary>Gets the Java class name of the value converter.</summary>
    public string ValueConverterClass { get; }

    /// <summary>Gets the Java class name of the header converter.</summary>
    public string HeaderConverterClass => _headers.ClassName;

    /// <summary>Gets the transformation chain in order.</summary>
    public IReadOnlyList<TransformationStage> Stages => _chain.Stages;

    /// <summary>Builds the pipeline a sink task of this connector would run.</summary>
    /// <param name="config">The merged connector configuration (providers resolved).</param>
    /// <param name="options">Services; defaults when null.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ConnectException">A converter is unknown or misconfigured.</exception>
    /// <exception cref="ConfigException">A transformation or predicate is unknown (the message lists the supported ones) or misconfigured.</exception>
    /// <exception cref="Configuration.Validation.ConfigValidationException">An <c>errors.*</c> setting is invalid.</exception>
    public static SinkRecordPipeline Create(EffectiveConnectorConfig config, SinkRecordPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new SinkRecordPipelineOptions();
        var taskId = new ConnectorTaskId(config.Connector.Name, options.TaskNumber);
        var errors = ReadErrorHandling(config.Values);
        var metrics = options.Metrics ?? new ErrorHandlingMetrics();
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var reporters = new List<IErrorReporter> { new LogReporter(taskId, errors, metrics, loggers.CreateLogger<LogReporter>()) };
        if (errors.DeadLetterQueueTopic is { } dlq && options.DeadLetterQueue is { } producer)
        {
            var builder = new DeadLetterRecordBuilder(dlq, taskId, errors.DeadLetterQueueContextHeaders);
            reporters.Add(new DeadLetterQueueReporter(builder, producer, metrics, loggers.CreateLogger<DeadLetterQueueReporter>()));
        }

        reporters.AddRange(options.Reporters);
        var errorHandler = new RetryWithToleranceOperator(
            errors, reporters, metrics, options.TimeProvider, loggers.CreateLogger<RetryWithToleranceOperator>());
        var chain = TransformationChain.Create(TransformChain.Parse(config.Values), options.Transforms);
        try
        {
            return new SinkRecordPipeline(
                taskId, config.KeyConverter, config.ValueConverter, config.HeaderConverter, chain, errorHandler, options.Converters);
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    /// <summary>Reads the <c>errors.*</c> settings of a connector configuration with Connect's sink definitions and defaults.</summary>
    /// <param name="values">The configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="Configuration.Validation.ConfigValidationException">A setting is invalid.</exception>
    public static ErrorHandlingConfig ReadErrorHandling(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var relevant = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ConnectorConfig.NameKey] = values.GetValueOrDefault(ConnectorConfig.NameKey) ?? "connector",
            [ConnectorConfig.ConnectorClassKey] = values.GetValueOrDefault(ConnectorConfig.ConnectorClassKey) ?? "unknown",
        };
        foreach (var (key, value) in values)
        {
            if (key.StartsWith("errors.", StringComparison.Ordinal))
            {
                relevant[key] = value;
            }
        }

        return ErrorHandlingConfig.From(ConnectConfigDefs.CreateSink().Parse(relevant));
    }

    /// <summary>Runs one consumed record through the pipeline.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops retry backoffs.</param>
    /// <returns>The record to put, or that it was dropped, or that it failed and the failure was tolerated and reported.</returns>
    /// <exception cref="ToleranceExceededException">A failure is not tolerated; the task must stop.</exception>
    public async ValueTask<PipelineResult> ProcessAsync(ConsumedRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var context = new ProcessingContext(record);
        var handler = ErrorHandler;
        var key = await handler.ExecuteAsync(
            context, ErrorStage.KeyConverter, KeyConverterClass, (_keyConverter, record),
            static s => s.Item1.ToConnectData(s.record.Topic, null, s.record.Key, s.record.Key is null),
            cancellationToken).ConfigureAwait(false);
        var value = await handler.ExecuteAsync(
            context, ErrorStage.ValueConverter, ValueConverterClass, (_valueConverter, record),
            static s => s.Item1.ToConnectData(s.record.Topic, null, s.record.Value, s.record.Value is null),
            cancellationToken).ConfigureAwait(false);
        var headers = await handler.ExecuteAsync(
            context, ErrorStage.HeaderConverter, _headers.ClassName, (_headers, record),
            static s => s.Item1.ToConnect(s.record),
            cancellationToken).ConfigureAwait(false);
        if (context.Report is { } conversionFailure)
        {
            return PipelineResult.Failed(conversionFailure);
        }

        // Kafka's NO_TIMESTAMP (-1) becomes a record without timestamp, as ConnectUtils.checkAndConvertTimestamp does.
        var timestamp = record.Timestamp is -1 ? null : record.Timestamp;
        ConnectRecord? current = new ConnectRecord(
            record.Topic, record.Partition, key!.Schema, key.Value, value!.Schema, value.Value, timestamp, headers)
        {
            KafkaOffset = record.Offset,
            TimestampType = timestamp is null ? TimestampType.NoTimestampType : record.TimestampType,
        };
        foreach (var stage in _chain.Stages)
        {
            current = await handler.ExecuteAsync(
                context, ErrorStage.Transformation, stage.ClassName, (stage, current),
                static s => s.stage.Apply(s.current),
                cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return context.Report is { } transformFailure ? PipelineResult.Failed(transformFailure) : PipelineResult.Dropped();
            }
        }

        return PipelineResult.Transformed(current);
    }

    /// <summary>
    /// Handles a record that failed before its converters could run (for example unreadable input) as a failure of
    /// <paramref name="stage"/>: counted, reported and tolerated exactly like a converter failure.
    /// </summary>
    /// <param name="record">What is known of the record.</param>
    /// <param name="stage">The stage to blame (<see cref="ErrorStage.KeyConverter"/> or <see cref="ErrorStage.ValueConverter"/>).</param>
    /// <param name="error">The error.</param>
    /// <param name="cancellationToken">Cancels reporting.</param>
    /// <returns>The failed result.</returns>
    /// <exception cref="ToleranceExceededException">The failure is not tolerated.</exception>
    public async ValueTask<PipelineResult> FailAsync(ConsumedRecord record, ErrorStage stage, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(error);
        var context = new ProcessingContext(record);
        var executingClass = stage switch
        {
            ErrorStage.KeyConverter => KeyConverterClass,
            ErrorStage.ValueConverter => ValueConverterClass,
            ErrorStage.HeaderConverter => HeaderConverterClass,
            _ => "null",
        };
        await ErrorHandler.ExecuteAsync<Exception, object>(
            context, stage, executingClass, error,
            static e =>
            {
                RetryWithToleranceOperator.Rethrow(e);
                return null;
            },
            cancellationToken).ConfigureAwait(false);
        return PipelineResult.Failed(context.Report!);
    }

    /// <summary>
    /// Reports a record the sink task could not write (Connect's <c>ErrantRecordReporter</c>, KIP-610): stage
    /// <c>TASK_PUT</c>, sent to the log and dead-letter queue like any other failure, then subject to <c>errors.tolerance</c>.
    /// </summary>
    /// <param name="original">The consumed record the failed sink record came from.</param>
    /// <param name="sinkTaskClass">The Java class name of the sink task, reported as <c>__connect.errors.class.name</c>.</param>
    /// <param name="error">Why the write failed.</param>
    /// <param name="cancellationToken">Cancels reporting.</param>
    /// <returns>A task that completes when the failure is reported.</returns>
    /// <exception cref="ToleranceExceededException">With <c>errors.tolerance=none</c>: the task must stop.</exception>
    public ValueTask ReportPutFailureAsync(ConsumedRecord original, string sinkTaskClass, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(sinkTaskClass);
        ArgumentNullException.ThrowIfNull(error);
        return ErrorHandler.ExecuteFailedAsync(new ProcessingContext(original), ErrorStage.TaskPut, sinkTaskClass, error, cancellationToken);
    }

    /// <summary>Serializes a record's key with the key converter (for writing records back out).</summary>
    /// <param name="record">The record.</param>
    /// <returns>The bytes, or null for a Kafka null.</returns>
    public byte[]? FromConnectKey(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _keyConverter.FromConnectData(record.Topic, record.Headers, record.KeySchema, record.Key);
    }

    /// <summary>Serializes a record's value with the value converter.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The bytes, or null for a Kafka null.</returns>
    public byte[]? FromConnectValue(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _valueConverter.FromConnectData(record.Topic, record.Headers, record.ValueSchema, record.Value);
    }

    /// <summary>Serializes one header with the header converter.</summary>
    /// <param name="topic">The record's topic.</param>
    /// <param name="header">The header.</param>
    /// <returns>The bytes, or null for a null header value.</returns>
    public byte[]? FromConnectHeader(string topic, ConnectHeader header)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(header);
        return _headers.FromConnect(topic, header);
    }

    /// <inheritdoc/>
    public void Dispose() => _chain.Dispose();
}
