using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>Validates bulk NDJSON with Elasticsearch's rules and messages.</summary>
public static class BulkParser
{
    private static readonly HashSet<string> Actions = ["index", "create", "update", "delete"];

    private static readonly HashSet<string> Metadata =
        ["_index", "_id", "version", "version_type", "retry_on_conflict", "routing", "pipeline", "require_alias", "if_seq_no", "if_primary_term", "dynamic_templates"];

    private static readonly HashSet<string> UpdateKeys = ["doc", "doc_as_upsert", "upsert", "script", "scripted_upsert", "detect_noop", "_source"];

    public static List<BulkLine> Parse(string body, string? defaultIndex)
    {
        if (body.Length == 0)
        {
            throw Illegal("request body is required");
        }

        if (!body.EndsWith('\n'))
        {
            throw Illegal("The bulk request must be terminated by a newline [\\n]");
        }

        var lines = body[..^1].Split('\n');
        var result = new List<BulkLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var meta = ParseObject(lines[i], lineNumber, "Malformed action/metadata line");
            if (meta.Count != 1)
            {
                throw Illegal($"Malformed action/metadata line [{lineNumber}], expected exactly one action but found [{meta.Count}]");
            }

            var (action, node) = meta.First();
            if (!Actions.Contains(action))
            {
                throw Illegal($"Malformed action/metadata line [{lineNumber}], expected field [create], [delete], [index] or [update] but found [{action}]");
            }

            if (node is not JsonObject parameters)
            {
                throw Illegal($"Malformed action/metadata line [{lineNumber}], expected START_OBJECT");
            }

            var line = ParseMetadata(action, parameters, lineNumber, defaultIndex);
            if (action != "delete")
            {
                if (++i >= lines.Length)
                {
                    throw Validation($"source is missing for the action on line [{lineNumber}]");
                }

                var source = ParseObject(lines[i], i + 1, "Malformed source line");
                if (action == "update")
                {
                    ValidateUpdate(source, i + 1);
                }

                line = line with { Source = source };
            }

            result.Add(line);
        }

        return result;
    }

    private static BulkLine ParseMetadata(string action, JsonObject parameters, int lineNumber, string? defaultIndex)
    {
        foreach (var (key, _) in parameters)
        {
            if (!Metadata.Contains(key))
            {
                throw Illegal($"Action/metadata line [{lineNumber}] contains an unknown parameter [{key}]");
            }
        }

        var index = parameters["_index"]?.GetValue<string>() ?? defaultIndex ?? throw Validation("index is missing");
        var id = parameters["_id"]?.GetValue<string>();
        if (id is { Length: 0 })
        {
            throw Validation("id is too short, must be no less than 1 bytes");
        }

        if (id is null && action is "update" or "delete")
        {
            throw Validation("id is missing");
        }

        var versionType = parameters["version_type"]?.GetValue<string>();
        long? version = parameters["version"] is { } v ? v.GetValue<long>() : null;
        if (versionType is not null and not ("internal" or "external" or "external_gt" or "external_gte"))
        {
            throw Illegal($"No version type match [{versionType}]");
        }

        var external = versionType is "external" or "external_gt" or "external_gte";
        if (version is not null && !external)
        {
            throw Validation("internal versioning can not be used for optimistic concurrency control. Please use `if_seq_no` and `if_primary_term` instead");
        }

        if (external && version is null)
        {
            throw Validation("an external version is required");
        }

        if (version < 0)
        {
            throw Validation($"illegal version value [{version}] for version type [{versionType}]");
        }

        if (external && action == "update")
        {
            throw Validation($"version type [{versionType}] is not supported by the update API");
        }

        if (external && action == "create")
        {
            throw Validation("create operations only support internal versioning. use index instead");
        }

        int? retryOnConflict = parameters["retry_on_conflict"] is { } r ? r.GetValue<int>() : null;
        if (retryOnConflict is not null && action != "update")
        {
            throw Illegal($"Action/metadata line [{lineNumber}] contains an unknown parameter [retry_on_conflict]");
        }

        return new BulkLine(action, index, id, version, versionType, retryOnConflict, null);
    }

    private static void ValidateUpdate(JsonObject source, int lineNumber)
    {
        foreach (var (key, _) in source)
        {
            if (!UpdateKeys.Contains(key))
            {
                throw Illegal($"[UpdateRequest] unknown field [{key}] on line [{lineNumber}]");
            }
        }

        if (source["doc"] is null && source["script"] is null)
        {
            throw Validation("script or doc is missing");
        }

        if (source["doc"] is { } doc and not JsonObject)
        {
            throw Illegal($"[UpdateRequest] doc must be an object on line [{lineNumber}]");
        }
    }

    private static JsonObject ParseObject(string line, int lineNumber, string what)
    {
        try
        {
            var options = new JsonDocumentOptions { AllowDuplicateProperties = false };
            return JsonNode.Parse(line, documentOptions: options) as JsonObject
                ?? throw Illegal($"{what} [{lineNumber}], expected START_OBJECT");
        }
        catch (JsonException e)
        {
            throw new BulkRequestException(400, "x_content_parse_exception", $"[{lineNumber}:1] {what}: {e.Message}");
        }
    }

    private static BulkRequestException Illegal(string reason) => new(400, "illegal_argument_exception", reason);

    private static BulkRequestException Validation(string reason) =>
        new(400, "action_request_validation_exception", "Validation Failed: 1: " + reason + ";");
}
