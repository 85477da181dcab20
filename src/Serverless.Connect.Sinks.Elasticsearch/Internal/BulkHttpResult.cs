namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>The outcome of one bulk HTTP call: a status and body, or the exception that prevented one.</summary>
internal sealed record BulkHttpResult(int StatusCode, byte[] Body, Exception? Exception, Uri Url)
{
    public bool IsTransient => Exception is not null || StatusCode == 429 || StatusCode >= 500 || StatusCode == 408;

    public string Describe()
    {
        if (Exception is not null)
        {
            return $"{Exception.GetType().Name}: {Exception.Message}";
        }

        var text = System.Text.Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 512)));
        return $"HTTP {StatusCode}: {text}";
    }
}
