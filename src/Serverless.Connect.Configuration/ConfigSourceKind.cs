namespace Serverless.Connect.Configuration;

/// <summary>Which notation a configuration was loaded from.</summary>
public enum ConfigSourceKind
{
    /// <summary>Built in code.</summary>
    Programmatic,

    /// <summary>A Strimzi custom resource (<c>KafkaConnector</c> or <c>KafkaConnect</c>), YAML or JSON.</summary>
    StrimziResource,

    /// <summary>A Kafka Connect REST body: <c>{"name":…,"config":{…}}</c> or a bare config map.</summary>
    ConnectRest,

    /// <summary>A Java <c>.properties</c> file.</summary>
    JavaProperties,
}
