using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Confluent wire format → Connect data: reads the schema id, fetches and compiles the writer schema (cached per id),
/// decodes the body, looks up the schema's version under the subject (cached) and converts schema and value.
/// </summary>
internal sealed class InboundPath
{
    private readonly AvroConverterConfig _config;
    private readonly bool _isKey;
    private readonly RegistryGateway _registry;
    private readonly AvroDatumToConnect _toConnect;
    private readonly AsyncCache<int, CompiledSchema> _writers;
    private readonly AsyncCache<(string Subject, int Id), int> _versions;
    private readonly BoundedCache<(int Id, int Version), ConnectSchemaHolder> _connectSchemas;

    // What the last record of the last topic resolved to, so that the per-record path skips subject and version lookups.
    private LastRead? _last;

    public InboundPath(AvroConverterConfig config, bool isKey, RegistryGateway registry)
    {
        _config = config;
        _isKey = isKey;
        _registry = registry;
        _toConnect = new AvroDatumToConnect(config.Data);
        var capacity = Math.Max(config.Data.SchemasCacheSize, 16);
        _writers = new AsyncCache<int, CompiledSchema>(capacity);
        _versions = new AsyncCache<(string, int), int>(capacity);
        _connectSchemas = new BoundedCache<(int, int), ConnectSchemaHolder>(config.Data.SchemasCacheSize);
    }

    private string Which => _isKey ? "key" : "value";

    public SchemaAndValue Deserialize(string topic, ReadOnlySpan<byte> payload, bool isNull)
    {
        if (isNull)
        {
            return SchemaAndValue.Null;
        }

        var id = WireFormat.ReadSchemaId(payload, topic);
        var body = payload[WireFormat.HeaderLength..].ToArray();
        if (TryLast(topic, id, out var known))
        {
            return Convert(known, Read(known.Writer, body, topic));
        }

        CompiledSchema writer;
        try
        {
            writer = _writers.Get(id, FetchWriterAsync);
        }
        catch (Exception e) when (IsRegistryFailure(e))
        {
            throw SchemaError(e, topic, id);
        }

        var datum = Read(writer, body, topic);
        var subject = SubjectNames.Subject(_config.SubjectNameStrategyFor(_isKey), topic, _isKey, writer.RecordName);
        int version;
        try
        {
            version = _versions.Get((subject, id), key => _registry.VersionAsync(key.Subject, writer.Json));
        }
        catch (Exception e) when (IsRegistryFailure(e))
        {
            throw VersionError(e, topic, id);
        }

        return ToConnect(topic, id, version, writer, datum);
    }

    public async ValueTask<SchemaAndValue> DeserializeAsync(string topic, ReadOnlyMemory<byte> payload, bool isNull, CancellationToken cancellationToken)
    {
        if (isNull)
        {
            return SchemaAndValue.Null;
        }

        var id = WireFormat.ReadSchemaId(payload.Span, topic);
        var body = payload[WireFormat.HeaderLength..].ToArray();
        if (TryLast(topic, id, out var known))
        {
            return Convert(known, Read(known.Writer, body, topic));
        }

        if (!_writers.TryGetCompleted(id, out var writer))
        {
            try
            {
                writer = await _writers.GetAsync(id, FetchWriterAsync).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsRegistryFailure(e) && e is not OperationCanceledException)
            {
                throw SchemaError(e, topic, id);
            }
        }

        var datum = Read(writer, body, topic);
        var subject = SubjectNames.Subject(_config.SubjectNameStrategyFor(_isKey), topic, _isKey, writer.RecordName);
        if (!_versions.TryGetCompleted((subject, id), out var version))
        {
            try
            {
                version = await _versions.GetAsync((subject, id), key => _registry.VersionAsync(key.Subject, writer.Json))
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsRegistryFailure(e) && e is not OperationCanceledException)
            {
                throw VersionError(e, topic, id);
            }
        }

        return ToConnect(topic, id, version, writer, datum);
    }

    private SchemaAndValue ToConnect(string topic, int id, int version, CompiledSchema writer, object? datum)
    {
        var holder = _connectSchemas.GetOrAdd((id, version), _ => new ConnectSchemaHolder(AvroToConnectSchema.Convert(writer.Root, version, _config.Data)));
        var last = new LastRead(topic, id, writer, holder.Schema);
        _last = last;
        return Convert(last, datum);
    }

    private SchemaAndValue Convert(LastRead known, object? datum) => new(known.Schema, _toConnect.Convert(known.Schema, datum));

    private bool TryLast(string topic, int id, out LastRead known)
    {
        var last = _last;
        if (last is not null && last.Id == id && string.Equals(last.Topic, topic, StringComparison.Ordinal))
        {
            known = last;
            return true;
        }

        known = null!;
        return false;
    }

    private async Task<CompiledSchema> FetchWriterAsync(int id)
    {
        var json = await _registry.SchemaByIdAsync(id).ConfigureAwait(false);
        return CompiledSchema.Compile(AvroSchemaReader.Parse(json), json);
    }

    private static object? Read(CompiledSchema writer, byte[] body, string topic)
    {
        using var input = new MemoryStream(body, writable: false);
        try
        {
            return writer.Read(input);
        }
        catch (DataException e)
        {
            throw new DataException($"Failed to deserialize data for topic {topic} to Avro: {e.Reason}", e);
        }
    }

    private static bool IsRegistryFailure(Exception e) => e is not DataException and not ConverterConfigException and not RetriableException;

    private Exception SchemaError(Exception e, string topic, int id) =>
        RegistryErrors.Translate(e, topic, $"Failed to deserialize data for topic {topic} to Avro: Error retrieving Avro {Which} schema for id {id}");

    private Exception VersionError(Exception e, string topic, int id) =>
        RegistryErrors.Translate(e, topic, $"Failed to deserialize data for topic {topic} to Avro: Error retrieving Avro {Which} schema version for id {id}");

    private sealed record LastRead(string Topic, int Id, CompiledSchema Writer, Schema? Schema);

    // A holder because the Connect schema of Confluent's schemaless "Anything" record is null.
    private sealed record ConnectSchemaHolder(Schema? Schema);
}
