using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Runtime.Errors;

namespace Serverless.Connect.Runtime.DeadLetterQueue;

/// <summary>
/// Sends every failed consumed record to the dead-letter queue (Connect's <c>DeadLetterQueueReporter</c>). A send failure
/// is logged and counted in <c>deadletterqueue-produce-failures</c>; it does not fail the task.
/// </summary>
public sealed partial class DeadLetterQueueReporter : IErrorReporter
{
    private readonly DeadLetterRecordBuilder _builder;
    private readonly IDeadLetterQueueProducer _producer;
    private readonly ErrorHandlingMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates a reporter.</summary>
    /// <param name="builder">Builds the records.</param>
    /// <param name="producer">Sends them.</param>
    /// <param name="metrics">Counts requests and failures.</param>
    /// <param name="logger">Logs send failures; none when null.</param>
    public DeadLetterQueueReporter(DeadLetterRecordBuilder builder, IDeadLetterQueueProducer producer, ErrorHandlingMetrics metrics, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(metrics);
        _builder = builder;
        _producer = producer;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public async ValueTask ReportAsync(ErrorReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        _metrics.RecordDeadLetterQueueProduceRequest();
        var record = _builder.Build(report);
        if (record is null)
        {
            _metrics.RecordDeadLetterQueueProduceFailed();
            return;
        }

        try
        {
            await _producer.ProduceAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogProduceFailed(_logger, e, _builder.Topic);
            _metrics.RecordDeadLetterQueueProduceFailed();
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Error, Message = "Could not produce message to dead letter queue. topic={Topic}")]
    private static partial void LogProduceFailed(ILogger logger, Exception error, string topic);
}
