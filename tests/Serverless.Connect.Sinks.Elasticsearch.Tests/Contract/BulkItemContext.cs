using System.Text.Json.Nodes;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>What an item fault script sees about one bulk item.</summary>
public sealed record BulkItemContext(string Action, string Index, string? Id, JsonObject? Source, int RequestNumber);
