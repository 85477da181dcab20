using Serverless.Connect.Configuration;

namespace Serverless.Connect.Functions.Generation;

/// <summary>One Kafka-triggered function: a sink connector reading one of its topics.</summary>
/// <param name="Name">The function (folder) name, the path the host posts invocations to.</param>
/// <param name="Connector">The connector, as loaded (config provider references unresolved).</param>
/// <param name="Worker">The worker it runs on, or null for Strimzi's defaults.</param>
/// <param name="Topic">The topic.</param>
/// <param name="TaskNumber">The topic's position in <c>topics</c>, reported as the task id (each function is its own task).</param>
public sealed record SinkFunction(string Name, ConnectorConfig Connector, WorkerConfig? Worker, string Topic, int TaskNumber)
{
    /// <summary>Gets the app setting holding the topic.</summary>
    public string TopicSetting => FunctionNames.TopicSetting(Name);

    /// <summary>Gets the app setting holding the consumer group.</summary>
    public string ConsumerGroupSetting => FunctionNames.ConsumerGroupSetting(Connector.Name);

    /// <summary>Gets the consumer group, <c>connect-&lt;connector&gt;</c>.</summary>
    public string ConsumerGroup => FunctionNames.ConsumerGroup(Connector.Name);
}
