using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>The read endpoints and response bodies of the contract server.</summary>
public sealed partial class ElasticsearchContractServer
{
    internal static JsonObject ErrorBody(int status, string type, string reason) => new()
    {
        ["error"] = new JsonObject
        {
            ["root_cause"] = new JsonArray(new JsonObject { ["type"] = type, ["reason"] = reason }),
            ["type"] = type,
            ["reason"] = reason,
        },
        ["status"] = status,
    };

    private static JsonObject Shards() => new() { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 };

    private static JsonObject Info() => new()
    {
        ["name"] = "contract-node",
        ["cluster_name"] = "contract",
        ["cluster_uuid"] = "contract-cluster-uuid",
        ["version"] = new JsonObject { ["number"] = "8.15.0", ["build_flavor"] = "default", ["lucene_version"] = "9.11.1" },
        ["tagline"] = "You Know, for Search",
    };

    private (int Status, JsonNode Body) GetDocument(string indexName, string id) => Cluster.Read<(int, JsonNode)>(indices =>
    {
        if (!indices.TryGetValue(indexName, out var index))
        {
            return (404, IndexNotFound(indexName));
        }

        if (!index.Documents.TryGetValue(id, out var doc) || !doc.IsLive)
        {
            return (404, new JsonObject { ["_index"] = indexName, ["_id"] = id, ["found"] = false });
        }

        return (200, new JsonObject
        {
            ["_index"] = indexName,
            ["_id"] = id,
            ["_version"] = doc.Version,
            ["_seq_no"] = doc.SeqNo,
            ["_primary_term"] = 1,
            ["found"] = true,
            ["_source"] = doc.Source!.DeepClone(),
        });
    });

    private (int Status, JsonNode Body) Count(string indexName) => Cluster.Read<(int, JsonNode)>(indices =>
        indices.TryGetValue(indexName, out var index)
            ? (200, new JsonObject { ["count"] = index.Live.Count(), ["_shards"] = Shards() })
            : (404, IndexNotFound(indexName)));

    private (int Status, JsonNode Body) Search(string indexName) => Cluster.Read<(int, JsonNode)>(indices =>
    {
        if (!indices.TryGetValue(indexName, out var index))
        {
            return (404, IndexNotFound(indexName));
        }

        var hits = new JsonArray();
        foreach (var (id, doc) in index.Live)
        {
            hits.Add(new JsonObject { ["_index"] = indexName, ["_id"] = id, ["_score"] = 1.0, ["_source"] = doc.Source!.DeepClone() });
        }

        return (200, new JsonObject
        {
            ["took"] = 0,
            ["timed_out"] = false,
            ["_shards"] = Shards(),
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = hits.Count, ["relation"] = "eq" },
                ["max_score"] = 1.0,
                ["hits"] = hits,
            },
        });
    });

    /// <summary>Management calls seen, for example <c>PUT orders</c> or <c>PUT orders/_mapping</c>.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ManagementCalls { get; } = new();

    private (int Status, JsonNode Body) CreateIndex(string index)
    {
        ManagementCalls.Enqueue("PUT " + index);
        return Cluster.CreateIndex(index)
            ? (200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = index })
            : (400, ErrorBody(400, "resource_already_exists_exception", $"index [{index}/{Cluster.Find(index)!.Uuid}] already exists"));
    }

    private (int Status, JsonNode Body) GetMapping(string index)
    {
        ManagementCalls.Enqueue($"GET {index}/_mapping");
        return Cluster.Read<(int, JsonNode)>(indices => indices.TryGetValue(index, out var i)
            ? (200, new JsonObject { [index] = new JsonObject { ["mappings"] = i.ExplicitMapping is null && !i.Live.Any() ? new JsonObject() : i.MappingJson() } })
            : (404, IndexNotFound(index)));
    }

    private async Task<(int Status, JsonNode Body)> PutMappingAsync(System.Net.HttpListenerRequest request, string index)
    {
        ManagementCalls.Enqueue($"PUT {index}/_mapping");
        using var reader = new StreamReader(request.InputStream, System.Text.Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject;
        if (body?["properties"] is not JsonObject || request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Violations.Enqueue($"bad mapping for {index}: {body?.ToJsonString()}");
            return (400, ErrorBody(400, "mapper_parsing_exception", "Root mapping definition has unsupported parameters"));
        }

        Cluster.PutMapping(index, body);
        return (200, new JsonObject { ["acknowledged"] = true });
    }

    private static JsonObject IndexNotFound(string index) =>
        ErrorBody(404, "index_not_found_exception", $"no such index [{index}]");
}
