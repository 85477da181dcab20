namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Index and data stream names derived from topics, as Confluent derives them.</summary>
internal static class IndexNames
{
    private const int MaxLength = 255;

    /// <summary>Lowercases, truncates to 255, drops one leading <c>-</c> or <c>_</c>, and maps <c>.</c>/<c>..</c> to <c>dot</c>/<c>dotdot</c>.</summary>
    public static string ForTopic(string topic)
    {
        var name = topic.ToLowerInvariant();
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
        }

        if (name.StartsWith('-') || name.StartsWith('_'))
        {
            name = name[1..];
        }

        return name switch
        {
            "." => "dot",
            ".." => "dotdot",
            _ => name,
        };
    }

    /// <summary><c>&lt;type&gt;-&lt;dataset&gt;-&lt;namespace&gt;</c> with <c>${topic}</c> replaced by the lowercased topic (at most 100 characters).</summary>
    public static string ForDataStream(DataStreamType type, string dataset, string @namespace, string topic)
    {
        var lowerTopic = topic.ToLowerInvariant();
        if (lowerTopic.Length > 100)
        {
            lowerTopic = lowerTopic[..100];
        }

        var ns = @namespace.Replace(ElasticsearchSinkConfig.TopicPlaceholder, lowerTopic, StringComparison.Ordinal);
        return $"{type.ToString().ToLowerInvariant()}-{dataset}-{ns}";
    }
}
