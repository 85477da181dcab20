using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>One parsed bulk action: its metadata and, except for deletes, its source line.</summary>
public sealed record BulkLine(string Action, string Index, string? Id, long? Version, string? VersionType, int? RetryOnConflict, JsonObject? Source);
