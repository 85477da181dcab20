using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// What the error handler knows about the record being processed: the consumed (sink) or source record, the stage and
/// class currently executing, the attempts made and the error, if any. One instance per record; not thread-safe.
/// </summary>
public sealed class ProcessingContext
{
    /// <summary>Creates a context for a record a sink consumed from Kafka.</summary>
    /// <param name="consumedRecord">The consumed record.</param>
    public ProcessingContext(ConsumedRecord consumedRecord)
    {
        ArgumentNullException.ThrowIfNull(consumedRecord);
        ConsumedRecord = consumedRecord;
    }

    /// <summary>Creates a context for a record produced by a source task.</summary>
    /// <param name="sourceRecord">The source record, before transformations.</param>
    public ProcessingContext(ConnectRecord sourceRecord)
    {
        ArgumentNullException.ThrowIfNull(sourceRecord);
        SourceRecord = sourceRecord;
    }

    /// <summary>Gets the record consumed from Kafka (sinks), or null.</summary>
    public ConsumedRecord? ConsumedRecord { get; }

    /// <summary>Gets the source record (sources), or null.</summary>
    public ConnectRecord? SourceRecord { get; }

    /// <summary>Gets the stage currently executing, or null before the first operation.</summary>
    public ErrorStage? Stage { get; private set; }

    /// <summary>Gets the Java class name of the plugin executing the current stage (what Connect reports), or null.</summary>
    public string? ExecutingClass { get; private set; }

    /// <summary>Gets the number of attempts made for the current operation.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Gets the error of the failed operation, or null.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>Gets a value indicating whether an operation on this record failed.</summary>
    public bool Failed => Error is not null;

    /// <summary>Gets the report handed to the reporters when the record failed, or null.</summary>
    public ErrorReport? Report { get; internal set; }

    /// <summary>Formats the context like Connect's <c>ProcessingContext.toString(false)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(includeMessage: false);

    /// <summary>Formats the context like Connect's <c>ProcessingContext.toString(includeMessage)</c>.</summary>
    /// <param name="includeMessage">Whether to include the record's coordinates (<c>errors.log.include.messages</c>).</param>
    /// <returns>The text, e.g. <c>Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter'.</c></returns>
    public string ToString(bool includeMessage) =>
        ErrorContextText.Format(Stage, ExecutingClass, includeMessage ? ConsumedRecord : null, includeMessage ? SourceRecord : null);

    internal void SetCurrent(ErrorStage stage, string executingClass)
    {
        Stage = stage;
        ExecutingClass = executingClass;
    }
}
