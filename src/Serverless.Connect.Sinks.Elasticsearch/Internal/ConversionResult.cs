namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Either a bulk operation to send, or an outcome decided without Elasticsearch.</summary>
internal readonly record struct ConversionResult(BulkOperation? Operation, SinkRecordOutcome? Outcome);
