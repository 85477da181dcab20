namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>One entry of a bulk response's <c>items</c>, in request order.</summary>
internal sealed record BulkItemResult(int Status, string? ErrorType, string? ErrorReason, string? ErrorJson)
{
    public bool IsSuccess => Status is >= 200 and < 300 || (Status == 404 && ErrorType is null);
}
