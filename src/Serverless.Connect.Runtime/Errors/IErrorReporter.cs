namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// Receives every failed operation the error handler sees (Connect's <c>ErrorReporter</c>): the log reporter, the
/// dead-letter-queue reporter, or anything else. Reporters must not throw for ordinary reporting failures; they count
/// and log them instead, as Connect's DLQ reporter does.
/// </summary>
public interface IErrorReporter
{
    /// <summary>Reports a failure.</summary>
    /// <param name="report">The failure.</param>
    /// <param name="cancellationToken">Cancels waiting for the report to be persisted.</param>
    /// <returns>A task that completes when the report is persisted (for the DLQ: produced).</returns>
    ValueTask ReportAsync(ErrorReport report, CancellationToken cancellationToken = default);
}
