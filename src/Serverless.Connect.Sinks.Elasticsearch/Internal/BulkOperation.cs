namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>One bulk action for one record; <see cref="RecordIndex"/> points back into the caller's batch.</summary>
internal sealed record BulkOperation(
    int RecordIndex,
    BulkAction Action,
    string Index,
    string? Id,
    long? ExternalVersion,
    int? RetryOnConflict,
    ReadOnlyMemory<byte> Document)
{
    /// <summary>Approximate NDJSON size, used for <c>bulk.size.bytes</c>.</summary>
    public int EstimatedBytes => 64 + Index.Length + ((Id?.Length ?? 0) * 2) + (Document.Length * (Action == BulkAction.Update ? 2 : 1));
}
