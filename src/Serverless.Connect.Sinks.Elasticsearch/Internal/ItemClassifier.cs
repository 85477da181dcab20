namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Classifies bulk item results by <c>error.type</c> and status (Confluent matches message text; the type is exact).</summary>
internal static class ItemClassifier
{
    private static readonly HashSet<string> MalformedTypes = new(StringComparer.Ordinal)
    {
        "strict_dynamic_mapping_exception",
        "mapper_parsing_exception",
        "illegal_argument_exception",
        "action_request_validation_exception",
        "document_parsing_exception",
    };

    private static readonly HashSet<string> RetriableTypes = new(StringComparer.Ordinal)
    {
        "es_rejected_execution_exception",
        "circuit_breaking_exception",
        "cluster_block_exception",
        "unavailable_shards_exception",
        "node_not_connected_exception",
        "node_disconnected_exception",
        "no_shard_available_action_exception",
        "process_cluster_event_timeout_exception",
        "timeout_exception",
    };

    public static ItemDisposition Classify(BulkItemResult item, BulkOperation operation, bool isDataStream)
    {
        if (item.IsSuccess)
        {
            return ItemDisposition.Success;
        }

        var type = item.ErrorType ?? "";
        if (operation.Action == BulkAction.Delete && type == "index_not_found_exception")
        {
            return ItemDisposition.Success;
        }

        if (item.Status == 429 || item.Status >= 500 || RetriableTypes.Contains(type))
        {
            return ItemDisposition.Retry;
        }

        if (type == "version_conflict_engine_exception")
        {
            // An externally versioned write loses only to an equal or newer offset; a data stream create loses to a replay.
            return operation.ExternalVersion is not null || isDataStream ? ItemDisposition.Success : ItemDisposition.Conflict;
        }

        return MalformedTypes.Contains(type) ? ItemDisposition.Malformed : ItemDisposition.Fatal;
    }
}
