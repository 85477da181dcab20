using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Errors;

namespace Serverless.Connect.Cli.Records;

/// <summary>
/// Writes each failed record to the <c>--dlq</c> file as a record line: the DLQ topic, the consumed record's partition and
/// offset (Kafka would assign new ones on produce), its original key, value and headers, then the context headers.
/// </summary>
internal sealed class DeadLetterFileReporter(DeadLetterRecordBuilder builder, RecordLineWriter writer) : IErrorReporter
{
    public async ValueTask ReportAsync(ErrorReport report, CancellationToken cancellationToken = default)
    {
        if (builder.Build(report) is { } record && report.ConsumedRecord is { } original)
        {
            await writer.WriteAsync(record.Topic, original.Partition, original.Offset, record.Timestamp, record.Key, record.Value, record.Headers, cancellationToken);
        }
    }
}
