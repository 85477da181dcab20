using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>The in-memory cluster state of the contract server and Elasticsearch's per-item write semantics.</summary>
public sealed class ContractCluster
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ContractIndex> _indices = new(StringComparer.Ordinal);

    /// <summary>Names starting with these prefixes are data streams, as with Elasticsearch's built-in index templates.</summary>
    public IReadOnlyList<string> DataStreamPrefixes { get; init; } = ["logs-", "metrics-"];

    public ContractIndex? Find(string name)
    {
        lock (_lock)
        {
            return _indices.GetValueOrDefault(name);
        }
    }

    /// <summary>Runs <paramref name="read"/> under the cluster lock so it sees a consistent state.</summary>
    public T Read<T>(Func<IReadOnlyDictionary<string, ContractIndex>, T> read)
    {
        lock (_lock)
        {
            return read(_indices);
        }
    }

    /// <summary>Creates an index; false when it already exists.</summary>
    public bool CreateIndex(string name)
    {
        lock (_lock)
        {
            if (_indices.ContainsKey(name))
            {
                return false;
            }

            GetOrCreate(name);
            return true;
        }
    }

    public void PutMapping(string name, JsonObject mapping)
    {
        lock (_lock)
        {
            GetOrCreate(name).PutMapping(mapping);
        }
    }

    public JsonObject Apply(BulkLine line, InjectedError? injected)
    {
        lock (_lock)
        {
            if (injected is not null)
            {
                return Error(line, line.Index, injected.Status, injected.Type, injected.Reason, "na");
            }

            var index = GetOrCreate(line.Index);
            return line.Action switch
            {
                "delete" => Delete(index, line),
                "update" => Update(index, line),
                _ => Write(index, line),
            };
        }
    }

    private ContractIndex GetOrCreate(string name)
    {
        if (!_indices.TryGetValue(name, out var index))
        {
            index = new ContractIndex(name, DataStreamPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
            _indices[name] = index;
        }

        return index;
    }

    private static JsonObject Write(ContractIndex index, BulkLine line)
    {
        if (index.IsDataStream && line.Action != "create")
        {
            return Error(line, index.Name, 400, "illegal_argument_exception",
                $"only write ops with an op_type of create are allowed in data streams", index.Uuid);
        }

        var source = line.Source!;
        if (index.IsDataStream && source["@timestamp"] is null)
        {
            return Error(line, index.Name, 400, "document_parsing_exception",
                "[1:2] failed to parse: data stream timestamp field [@timestamp] is missing", index.Uuid);
        }

        var id = line.Id ?? Guid.NewGuid().ToString("N");
        index.Documents.TryGetValue(id, out var current);
        if (line.Action == "create" && current is { IsLive: true })
        {
            return Error(line with { Id = id }, index.Name, 409, "version_conflict_engine_exception",
                $"[{id}]: version conflict, document already exists (current version [{current.Version}])", index.Uuid);
        }

        if (line.Version is { } version && current is not null && !VersionWins(line.VersionType!, version, current.Version))
        {
            return Error(line with { Id = id }, index.Name, 409, "version_conflict_engine_exception",
                $"[{id}]: version conflict, current version [{current.Version}] is higher or equal to the one provided [{version}]", index.Uuid);
        }

        if (index.Map(source, id) is { } mappingError)
        {
            return Error(line with { Id = id }, index.Name, 400, mappingError.Type, mappingError.Reason, index.Uuid);
        }

        var newVersion = line.Version ?? (current?.Version ?? 0) + 1;
        var created = current is not { IsLive: true };
        index.Documents[id] = new StoredDocument(newVersion, index.NextSeqNo++, (JsonObject)source.DeepClone());
        return Success(line with { Id = id }, index, newVersion, created ? "created" : "updated", created ? 201 : 200);
    }

    private static JsonObject Update(ContractIndex index, BulkLine line)
    {
        if (index.IsDataStream)
        {
            return Error(line, index.Name, 400, "illegal_argument_exception",
                "only write ops with an op_type of create are allowed in data streams", index.Uuid);
        }

        var body = line.Source!;
        var doc = body["doc"] as JsonObject;
        index.Documents.TryGetValue(line.Id!, out var current);
        if (current is not { IsLive: true })
        {
            var upsert = body["doc_as_upsert"]?.GetValue<bool>() == true ? doc : body["upsert"] as JsonObject;
            if (upsert is null)
            {
                return Error(line, index.Name, 404, "document_missing_exception", $"[{line.Id}]: document missing", index.Uuid);
            }

            if (index.Map(upsert, line.Id) is { } upsertError)
            {
                return Error(line, index.Name, 400, upsertError.Type, upsertError.Reason, index.Uuid);
            }

            var version = (current?.Version ?? 0) + 1;
            index.Documents[line.Id!] = new StoredDocument(version, index.NextSeqNo++, (JsonObject)upsert.DeepClone());
            return Success(line, index, version, "created", 201);
        }

        var merged = (JsonObject)current.Source!.DeepClone();
        Merge(merged, doc!);
        if (JsonNode.DeepEquals(merged, current.Source))
        {
            return Success(line, index, current.Version, "noop", 200);
        }

        if (index.Map(merged, line.Id) is { } mappingError)
        {
            return Error(line, index.Name, 400, mappingError.Type, mappingError.Reason, index.Uuid);
        }

        index.Documents[line.Id!] = new StoredDocument(current.Version + 1, index.NextSeqNo++, merged);
        return Success(line, index, current.Version + 1, "updated", 200);
    }

    private static JsonObject Delete(ContractIndex index, BulkLine line)
    {
        if (index.IsDataStream)
        {
            return Error(line, index.Name, 400, "illegal_argument_exception",
                "only write ops with an op_type of create are allowed in data streams", index.Uuid);
        }

        index.Documents.TryGetValue(line.Id!, out var current);
        if (line.Version is { } version && current is not null && !VersionWins(line.VersionType!, version, current.Version))
        {
            return Error(line, index.Name, 409, "version_conflict_engine_exception",
                $"[{line.Id}]: version conflict, current version [{current.Version}] is higher or equal to the one provided [{version}]", index.Uuid);
        }

        var found = current is { IsLive: true };
        var newVersion = line.Version ?? (current?.Version ?? 0) + 1;
        // Like index.gc_deletes, the tombstone keeps the version so an older replay cannot resurrect the document.
        index.Documents[line.Id!] = new StoredDocument(newVersion, index.NextSeqNo++, null);
        return Success(line, index, newVersion, found ? "deleted" : "not_found", found ? 200 : 404);
    }

    private static bool VersionWins(string versionType, long provided, long current) =>
        versionType == "external_gte" ? provided >= current : provided > current;

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static JsonObject Success(BulkLine line, ContractIndex index, long version, string result, int status) => new()
    {
        [line.Action] = new JsonObject
        {
            ["_index"] = index.Name,
            ["_id"] = line.Id,
            ["_version"] = version,
            ["result"] = result,
            ["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 },
            ["_seq_no"] = index.NextSeqNo - 1,
            ["_primary_term"] = 1,
            ["status"] = status,
        },
    };

    private static JsonObject Error(BulkLine line, string index, int status, string type, string reason, string uuid) => new()
    {
        [line.Action] = new JsonObject
        {
            ["_index"] = index,
            ["_id"] = line.Id,
            ["status"] = status,
            ["error"] = new JsonObject
            {
                ["type"] = type,
                ["reason"] = reason,
                ["index_uuid"] = uuid,
                ["shard"] = "0",
                ["index"] = index,
            },
        },
    };
}
