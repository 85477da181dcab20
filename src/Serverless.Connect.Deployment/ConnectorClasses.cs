namespace Serverless.Connect.Deployment;

/// <summary>Classifies connectors by <c>connector.class</c>, accepting Connect's short aliases as well.</summary>
public static class ConnectorClasses
{
    /// <summary>Debezium's PostgreSQL source connector.</summary>
    public const string PostgresSource = "io.debezium.connector.postgresql.PostgresConnector";

    /// <summary>Confluent's Elasticsearch sink connector.</summary>
    public const string ElasticsearchSink = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector";

    /// <summary>Confluent's S3 sink connector.</summary>
    public const string S3Sink = "io.confluent.connect.s3.S3SinkConnector";

    /// <summary>The role of a connector class, or null when no runtime here implements it.</summary>
    /// <param name="connectorClass">The class name or alias as written.</param>
    /// <returns>The role.</returns>
    public static ConnectorRole? RoleOf(string connectorClass)
    {
        ArgumentNullException.ThrowIfNull(connectorClass);
        if (Matches(connectorClass, PostgresSource))
        {
            return ConnectorRole.CdcSource;
        }

        return Matches(connectorClass, ElasticsearchSink) || Matches(connectorClass, S3Sink) ? ConnectorRole.Sink : null;
    }

    // Connect's automatic aliases: the simple class name, and the simple name without the "Connector" suffix.
    private static bool Matches(string written, string className)
    {
        var simple = className[(className.LastIndexOf('.') + 1)..];
        var shortest = simple.EndsWith("Connector", StringComparison.Ordinal) ? simple[..^"Connector".Length] : simple;
        return written == className || written == simple || written == shortest;
    }
}
