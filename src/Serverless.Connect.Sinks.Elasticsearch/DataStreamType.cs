namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>The data stream type (<c>data.stream.type</c>); the first part of a data stream name.</summary>
public enum DataStreamType
{
    /// <summary>Write to regular indices named after the topic.</summary>
    None,

    /// <summary>Write to <c>logs-&lt;dataset&gt;-&lt;namespace&gt;</c>.</summary>
    Logs,

    /// <summary>Write to <c>metrics-&lt;dataset&gt;-&lt;namespace&gt;</c>.</summary>
    Metrics,
}
