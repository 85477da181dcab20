namespace Serverless.Connect.Bench.EsSink;

/// <summary>The connector file the Elasticsearch scenarios hand to <c>connect sink</c>: JSON documents without schemas, string keys as ids.</summary>
internal static class EsSinkConnectorFile
{
    /// <summary>The properties text, with <paramref name="extra"/> lines appended (e.g. consumer overrides).</summary>
    public static string Properties(string name, string topic, Uri elasticsearch, params string[] extra) =>
        string.Join('\n', new[]
        {
            "name=" + name,
            "connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
            "topics=" + topic,
            "connection.url=" + elasticsearch.AbsoluteUri.TrimEnd('/'),
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable=false",
            "schema.ignore=true",
        }.Concat(extra)) + "\n";
}
