using Serverless.Connect.Sinks;

namespace Serverless.Connect.Runtime.Sinks;

/// <summary>What a batch left for its host to do.</summary>
/// <param name="RecordsPut">How many records reached the sink's put (<c>sink-record-send-total</c>).</param>
/// <param name="FirstRetriable">Per partition, the first offset the sink left retriable: redeliver from there, never dead-letter.</param>
public sealed record SinkBatchResult(int RecordsPut, IReadOnlyDictionary<SinkPartition, long> FirstRetriable);
