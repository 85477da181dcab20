using System.Globalization;
using System.Text;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.DeadLetterQueue;

/// <summary>Builds the dead-letter record for a failed consumed record exactly as Connect's <c>DeadLetterQueueReporter</c> does.</summary>
public sealed class DeadLetterRecordBuilder
{
    private readonly string _topic;
    private readonly ConnectorTaskId _taskId;
    private readonly bool _contextHeaders;
    private readonly byte[] _connectorName;
    private readonly byte[] _taskNumber;

    /// <summary>Creates a builder.</summary>
    /// <param name="topic">The DLQ topic.</param>
    /// <param name="taskId">The task reporting (its connector name and number go into the context headers).</param>
    /// <param name="contextHeaders">Whether to add the <c>__connect.errors.*</c> headers.</param>
    public DeadLetterRecordBuilder(string topic, ConnectorTaskId taskId, bool contextHeaders)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(taskId);
        _topic = topic;
        _taskId = taskId;
        _contextHeaders = contextHeaders;
        _connectorName = Encoding.UTF8.GetBytes(taskId.Connector);
        _taskNumber = Encoding.UTF8.GetBytes(taskId.Task.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Gets the DLQ topic.</summary>
    public string Topic => _topic;

    /// <summary>Gets the task whose failures are built.</summary>
    public ConnectorTaskId TaskId => _taskId;

    /// <summary>Builds the record, or returns null when the failure has no consumed record (source-side failures have no DLQ).</summary>
    /// <param name="report">The failure.</param>
    /// <returns>The record, or null.</returns>
    public DeadLetterRecord? Build(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var original = report.ConsumedRecord;
        if (original is null)
        {
            return null;
        }

        // Kafka's NO_TIMESTAMP (-1) is not copied: the producer then stamps the record.
        var timestamp = original.Timestamp is -1 ? null : original.Timestamp;
        if (!_contextHeaders)
        {
            return new DeadLetterRecord(_topic, original.Key, original.Value, timestamp, original.Headers);
        }

        var headers = new List<RawHeader>(original.Headers.Count + 10);
        headers.AddRange(original.Headers);
        headers.Add(new RawHeader(DeadLetterQueueHeaders.Topic, Utf8(original.Topic)));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.Partition, Utf8(original.Partition.ToString(CultureInfo.InvariantCulture))));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.Offset, Utf8(original.Offset.ToString(CultureInfo.InvariantCulture))));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.ConnectorName, _connectorName));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.TaskId, _taskNumber));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.Stage, Utf8(report.Stage.ToConnectName())));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.ExecutingClass, Utf8(report.ExecutingClass)));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.ExceptionClass, Utf8(JavaExceptionNames.Of(report.Error))));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.ExceptionMessage, Utf8(report.Error.Message)));
        headers.Add(new RawHeader(DeadLetterQueueHeaders.ExceptionStackTrace, Utf8(JavaStackTrace.Format(report.Error))));
        return new DeadLetterRecord(_topic, original.Key, original.Value, timestamp, headers.AsReadOnly());
    }

    private static byte[]? Utf8(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);
}
