using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>An immutable snapshot of a failed operation, handed to every <see cref="IErrorReporter"/>.</summary>
/// <param name="ConsumedRecord">The record a sink consumed, or null (sources).</param>
/// <param name="SourceRecord">The source record, or null (sinks).</param>
/// <param name="Stage">The stage that failed.</param>
/// <param name="ExecutingClass">The Java class name of the plugin that failed, as Connect reports it.</param>
/// <param name="Error">The error.</param>
/// <param name="Attempts">How many attempts were made.</param>
public sealed record ErrorReport(
    ConsumedRecord? ConsumedRecord,
    ConnectRecord? SourceRecord,
    ErrorStage Stage,
    string ExecutingClass,
    Exception Error,
    int Attempts)
{
    /// <summary>Formats the report like Connect's <c>ProcessingContext.toString(includeMessage)</c>.</summary>
    /// <param name="includeMessage">Whether to include the record's coordinates.</param>
    /// <returns>The text.</returns>
    public string Describe(bool includeMessage) =>
        ErrorContextText.Format(Stage, ExecutingClass, includeMessage ? ConsumedRecord : null, includeMessage ? SourceRecord : null);
}
