using Serverless.Connect.Runtime.Sinks;
using Serverless.Connect.Sinks.Elasticsearch;
using Serverless.Connect.Sinks.S3;

namespace Serverless.Connect.Hosting.Kafka;

/// <summary>The sink connectors shipped with Serverless.Connect, as both hosts run them.</summary>
public static class BuiltInSinks
{
    /// <summary>Creates a registry holding every built-in sink.</summary>
    /// <returns>A new registry.</returns>
    public static SinkConnectorRegistry Create() =>
        new SinkConnectorRegistry()
            .Register(ElasticsearchSinkConnector.Instance)
            .Register(S3SinkConnector.Instance);
}
