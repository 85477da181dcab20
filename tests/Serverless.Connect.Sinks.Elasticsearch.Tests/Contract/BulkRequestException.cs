namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>A whole-request rejection, answered with Elasticsearch's error shape.</summary>
public sealed class BulkRequestException(int status, string type, string reason) : Exception(reason)
{
    public int Status { get; } = status;

    public string Type { get; } = type;
}
