using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Internal;
using Serverless.Connect.Runtime.Records;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>
/// A source task's pre-produce pipeline (Connect's <c>WorkerSourceTask</c>): transformation chain → header conversion →
/// key converter → value converter, each stage under the <see cref="RetryWithToleranceOperator"/>. Source failures have no
/// dead-letter queue; they are logged (<c>errors.log.enable</c>) and, with <c>errors.tolerance=all</c>, skipped.
/// </summary>
public sealed class SourceRecordPipeline : IDisposable
{
    private readonly IConverter _keyConverter;
    private readonly IConverter _valueConverter;
    private readonly HeaderConversion _headers;
    private readonly TransformationChain _chain;

    private SourceRecordPipeline(EffectiveConnectorConfig config, TransformationChain chain, RetryWithToleranceOperator errorHandler, ConverterRegistry registry)
    {
        var converters = new ConnectorConverters(config.KeyConverter, config.ValueConverter, config.HeaderConverter, registry);
        KeyConverterClass = converters.KeyClass;
        ValueConverterClass = converters.ValueClass;
        _keyConverter = converters.Key;
        _valueConverter = converters.Value;
        _headers = converters.Headers;
        _chain = chain;
        ErrorHandler = errorHandler;
    }

    /// <summary>Gets the error handler.</summary>
    public RetryWithToleranceOperator ErrorHandler { get; }

    /// <summary>Gets the Java class name of the key converter.</summary>
    public string KeyConverterClass { get; }

    /// <summary>Gets the Java class name of the value converter.</summary>
    public string ValueConverterClass { get; }

    /// <summary>Gets the transformation chain in order.</summary>
    public IReadOnlyList<TransformationStage> Stages => _chain.Stages;

    /// <summary>Builds the pipeline a source task of this connector would run.</summary>
    /// <param name="config">The merged connector configuration (providers resolved).</param>
    /// <param name="options">Services (the DLQ producer is not used: sources have no DLQ); defaults when null.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ConnectException">A converter is unknown or misconfigured.</exception>
    /// <exception cref="ConfigException">A transformation or predicate setting is invalid.</exception>
    public static SourceRecordPipeline Create(EffectiveConnectorConfig config, SinkRecordPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new SinkRecordPipelineOptions();
        var taskId = new ConnectorTaskId(config.Connector.Name, options.TaskNumber);
        var errors = ReadErrorHandling(config.Values);
        var metrics = options.Metrics ?? new ErrorHandlingMetrics();
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var reporters = new List<IErrorReporter> { new LogReporter(taskId, errors, metrics, loggers.CreateLogger<LogReporter>()) };
        reporters.AddRange(options.Reporters);
        var errorHandler = new RetryWithToleranceOperator(errors, reporters, metrics, options.TimeProvider, loggers.CreateLogger<RetryWithToleranceOperator>());
        var chain = TransformationChain.Create(TransformChain.Parse(config.Values), options.Transforms);
        try
        {
            return new SourceRecordPipeline(config, chain, errorHandler, options.Converters);
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    /// <summary>Reads the <c>errors.*</c> settings with Connect's source definitions and defaults.</summary>
    /// <param name="values">The configuration.</param>
    /// <returns>The settings (never a DLQ).</returns>
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
            if (key.StartsWith("errors.", StringComparison.Ordinal) && !key.StartsWith("errors.deadletterqueue.", StringComparison.Ordinal))
            {
                relevant[key] = value;
            }
        }

        return ErrorHandlingConfig.From(ConnectConfigDefs.CreateSource().Parse(relevant));
    }

    /// <summary>Runs one source record through the pipeline.</summary>
    /// <param name="record">The record as the source task produced it.</param>
    /// <param name="cancellationToken">Stops retry backoffs.</param>
    /// <returns>The record to produce, or that it was dropped, or that it failed and the failure was tolerated and logged.</returns>
    /// <exception cref="ToleranceExceededException">A failure is not tolerated; the task must stop.</exception>
    public async ValueTask<SourcePipelineResult> ProcessAsync(ConnectRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var context = new ProcessingContext(record);
        var handler = ErrorHandler;
        ConnectRecord? current = record;
        foreach (var stage in _chain.Stages)
        {
            current = await handler.ExecuteAsync(
                context, ErrorStage.Transformation, stage.ClassName, (stage, current),
                static s => s.stage.Apply(s.current),
                cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return context.Report is { } failure ? new(PipelineOutcome.Failed, null, failure) : new(PipelineOutcome.Dropped, null, null);
            }
        }

        var headers = await handler.ExecuteAsync(
            context, ErrorStage.HeaderConverter, _headers.ClassName, (_headers, current),
            static s => FromConnectHeaders(s.Item1, s.current),
            cancellationToken).ConfigureAwait(false);
        var key = await handler.ExecuteAsync(
            context, ErrorStage.KeyConverter, KeyConverterClass, (_keyConverter, current),
            static s => new Box(s.Item1.FromConnectData(s.current.Topic, s.current.Headers, s.current.KeySchema, s.current.Key)),
            cancellationToken).ConfigureAwait(false);
        var value = await handler.ExecuteAsync(
            context, ErrorStage.ValueConverter, ValueConverterClass, (_valueConverter, current),
            static s => new Box(s.Item1.FromConnectData(s.current.Topic, s.current.Headers, s.current.ValueSchema, s.current.Value)),
            cancellationToken).ConfigureAwait(false);
        if (context.Report is { } conversionFailure)
        {
            return new(PipelineOutcome.Failed, null, conversionFailure);
        }

        return new(PipelineOutcome.Record, new ProducerRecord(current.Topic, current.KafkaPartition, current.Timestamp, key!.Bytes, value!.Bytes, headers!), null);
    }

    /// <inheritdoc/>
    public void Dispose() => _chain.Dispose();

    private static RawHeader[] FromConnectHeaders(HeaderConversion conversion, ConnectRecord record)
    {
        var headers = new RawHeader[record.Headers.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            var header = record.Headers[i];
            headers[i] = new RawHeader(header.Key, conversion.FromConnect(record.Topic, header));
        }

        return headers;
    }

    // Converters may return null bytes (a Kafka null), which the error handler's null means "failed"; box them.
    private sealed record Box(byte[]? Bytes);
}
