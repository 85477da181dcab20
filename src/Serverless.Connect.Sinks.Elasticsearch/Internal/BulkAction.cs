namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>A bulk API action.</summary>
internal enum BulkAction
{
    Index,
    Create,
    Update,
    Delete,
}
