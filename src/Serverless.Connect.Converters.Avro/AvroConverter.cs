using Confluent.SchemaRegistry;
using Schema = Serverless.Connect.Data.Schema;
using Serverless.Connect.Converters.Avro.Internal;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro;

/// <summary>
/// Confluent's <c>io.confluent.connect.avro.AvroConverter</c>: Connect data ↔ Avro in Confluent's wire format (magic byte
/// 0, 4-byte big-endian schema id, Avro binary body), with schemas registered in and fetched from a Schema Registry.
/// </summary>
/// <remarks>
/// <para>
/// Schemas are converted like Confluent's <c>AvroData</c> and registered under the subject given by the configured
/// <see cref="SubjectNameStrategy"/>. Every registry answer is cached, so after the first record of each schema the
/// converter works without I/O. The synchronous <see cref="IConverter"/> methods block only on such a first call (the
/// call runs on the thread pool, so no synchronization context is involved); callers on asynchronous paths can use
/// <see cref="FromConnectDataAsync"/> and <see cref="ToConnectDataAsync"/> instead, which never block.
/// </para>
/// <para>
/// Errors: an unreachable or failing registry (timeouts, connection errors, HTTP 5xx/408/429) raises
/// <see cref="RetriableException"/>; authentication failures raise <see cref="ConverterConfigException"/>; an unknown
/// subject or schema, an invalid or incompatible schema and bad data raise <see cref="DataException"/>.
/// </para>
/// </remarks>
public sealed partial class AvroConverter : IConverter, IDisposable
{
    /// <summary>The Java class name users put in <c>key.converter</c>/<c>value.converter</c>.</summary>
    public const string ClassName = "io.confluent.connect.avro.AvroConverter";

    private readonly ISchemaRegistryClient? _injectedClient;
    private ConfiguredState? _state;

    /// <summary>Initializes a converter that creates its own registry client from its configuration.</summary>
    public AvroConverter()
    {
    }

    /// <summary>Initializes a converter that uses the given registry client (which it does not dispose).</summary>
    /// <param name="client">The registry client, for example one shared by several converters.</param>
    public AvroConverter(ISchemaRegistryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _injectedClient = client;
    }

    /// <summary>Gets the configuration, or <see langword="null"/> before <see cref="Configure"/>.</summary>
    public AvroConverterConfig? Config => _state?.Config;

    /// <summary>Gets a value indicating whether the converter was configured for record keys.</summary>
    public bool IsKey => _state?.IsKey ?? false;

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> configs, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var config = AvroConverterConfig.Parse(configs);
        var client = _injectedClient ?? RegistryClientFactory.Create(config);
        var registry = new RegistryGateway(client, config.NormalizeSchemas);
        var previous = _state;
        _state = new ConfiguredState(
            config,
            isKey,
            new OutboundPath(config, isKey, registry),
            new InboundPath(config, isKey, registry),
            _injectedClient is null ? client : null);
        previous?.OwnedClient?.Dispose();
    }

    /// <inheritdoc/>
    public byte[]? FromConnectData(string topic, ConnectHeaders? headers, Schema? schema, object? value) =>
        State.Outbound.Serialize(topic, schema, value);

    /// <inheritdoc/>
    public SchemaAndValue ToConnectData(string topic, ConnectHeaders? headers, ReadOnlySpan<byte> value, bool isNull) =>
        State.Inbound.Deserialize(topic, value, isNull);

    /// <summary>Returns the Avro schema text this converter registers for a Connect schema (Avro Java's rendering).</summary>
    /// <param name="schema">The Connect schema, or <see langword="null"/> for schemaless data.</param>
    /// <returns>The schema JSON.</returns>
    /// <exception cref="DataException">The schema cannot be represented in Avro.</exception>
    public string AvroSchemaFor(Schema? schema) => State.Outbound.Compile(schema).Json;

    /// <summary>Disposes the registry client if this converter created it.</summary>
    public void Dispose()
    {
        var state = _state;
        _state = null;
        state?.OwnedClient?.Dispose();
    }

    private ConfiguredState State => _state ?? throw new InvalidOperationException("AvroConverter has not been configured.");

    private sealed record ConfiguredState(
        AvroConverterConfig Config, bool IsKey, OutboundPath Outbound, InboundPath Inbound, ISchemaRegistryClient? OwnedClient);
}
