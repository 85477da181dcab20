using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>A document held by the contract server; <see cref="Source"/> is null for a delete tombstone that keeps its version.</summary>
public sealed record StoredDocument(long Version, long SeqNo, JsonObject? Source)
{
    public bool IsLive => Source is not null;
}
