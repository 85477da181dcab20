namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>A bulk request as the contract server received it.</summary>
public sealed record RecordedRequest(
    int Number,
    string Path,
    string? Authorization,
    string? ContentType,
    bool Gzipped,
    int CompressedBytes,
    string Body,
    int Operations,
    int ResponseStatus,
    int ItemErrors = 0);
