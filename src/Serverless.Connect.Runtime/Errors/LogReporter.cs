using Microsoft.Extensions.Logging;
using Serverless.Connect.Configuration.Connect;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// Logs each failure when <c>errors.log.enable=true</c>, with Connect's <c>LogReporter</c> text:
/// <c>Error encountered in task &lt;connector&gt;-&lt;task&gt;. Executing stage '…' with class '…'[, where consumed record is {…}].</c>
/// The record coordinates are included only with <c>errors.log.include.messages=true</c>.
/// </summary>
public sealed partial class LogReporter : IErrorReporter
{
    private readonly ConnectorTaskId _taskId;
    private readonly ErrorHandlingConfig _config;
    private readonly ErrorHandlingMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates a reporter.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="config">The <c>errors.*</c> settings.</param>
    /// <param name="metrics">Counts <c>total-errors-logged</c>.</param>
    /// <param name="logger">Where to log.</param>
    public LogReporter(ConnectorTaskId taskId, ErrorHandlingConfig config, ErrorHandlingMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _taskId = taskId;
        _config = config;
        _metrics = metrics;
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask ReportAsync(ErrorReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_config.LogEnable)
        {
            return default;
        }

        LogError(_logger, report.Error, _taskId.ToString(), report.Describe(_config.LogIncludeMessages));
        _metrics.RecordErrorLogged();
        return default;
    }

    /// <summary>The message logged for a failure.</summary>
    /// <param name="report">The failure.</param>
    /// <returns>The text.</returns>
    public string FormatMessage(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Error encountered in task {_taskId}. {report.Describe(_config.LogIncludeMessages)}";
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Error, Message = "Error encountered in task {TaskId}. {Context}")]
    private static partial void LogError(ILogger logger, Exception error, string taskId, string context);
}
