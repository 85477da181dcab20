using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;

namespace Serverless.Connect.Functions.Generation;

/// <summary>
/// The Kafka trigger with <c>dataType: string</c> hands over keys and values decoded as UTF-8 text, so converters that
/// read Schema Registry's binary wire format cannot work under it; such connectors need the standalone host.
/// </summary>
public static class TextConverters
{
    private static readonly string[] _binary =
    [
        "io.confluent.connect.avro.AvroConverter",
        "io.confluent.connect.protobuf.ProtobufConverter",
        "io.confluent.connect.json.JsonSchemaConverter",
        "io.apicurio.registry.utils.converter.AvroConverter",
    ];

    /// <summary>Fails when the key or value converter needs raw bytes.</summary>
    /// <param name="config">The merged connector configuration.</param>
    /// <exception cref="ConfigException">A binary converter is configured.</exception>
    public static void EnsureText(EffectiveConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Check(config.Connector.Name, ConnectConfigDefs.KeyConverter, config.KeyConverter?.ClassName);
        Check(config.Connector.Name, ConnectConfigDefs.ValueConverter, config.ValueConverter?.ClassName);
    }

    private static void Check(string connector, string key, string? converter)
    {
        if (converter is not null && _binary.Any(b => string.Equals(b, converter, StringComparison.Ordinal) || b.EndsWith("." + converter, StringComparison.Ordinal)))
        {
            throw new ConfigException(
                $"connector {connector}: {key} {converter} reads binary Schema Registry data, which the Functions Kafka trigger (dataType string) "
                + "delivers as UTF-8 text; run this connector with the standalone sink host (./connect sink)")
            { Key = key };
        }
    }
}
