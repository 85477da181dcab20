namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>How documents are written (<c>write.method</c>).</summary>
public enum WriteMethod
{
    /// <summary>Bulk <c>index</c> (or <c>create</c> for data streams): the whole document is replaced.</summary>
    Insert,

    /// <summary>Bulk <c>update</c> with <c>doc_as_upsert</c>: fields are merged into an existing document.</summary>
    Upsert,
}
