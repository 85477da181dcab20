namespace Serverless.Connect.Configuration.Connect;

/// <summary>A connector configuration merged with its worker configuration, as the connector's tasks would see it.</summary>
public sealed record EffectiveConnectorConfig
{
    /// <summary>The connector configuration as loaded.</summary>
    public required ConnectorConfig Connector { get; init; }

    /// <summary>The worker configuration used (the default one when none was supplied).</summary>
    public required WorkerConfig Worker { get; init; }

    /// <summary>Worker keys under connector keys (connector wins), with converter families resolved as Connect does.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>The key converter, or null when neither connector nor worker configures one.</summary>
    public ConverterSettings? KeyConverter { get; init; }

    /// <summary>The value converter, or null when neither connector nor worker configures one.</summary>
    public ConverterSettings? ValueConverter { get; init; }

    /// <summary>The header converter (Connect's default is <c>SimpleHeaderConverter</c>).</summary>
    public required ConverterSettings HeaderConverter { get; init; }

    /// <summary>The Kafka bootstrap servers, or null when unknown.</summary>
    public string? BootstrapServers => Values.GetValueOrDefault(WorkerConfig.BootstrapServersKey);

    /// <summary>Settings that were ignored while merging, for example converter sub-keys without their converter.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; init; } = [];
}
