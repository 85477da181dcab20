using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Connect data → Confluent wire format: converts the schema (cached), resolves the subject and schema id through the
/// registry (cached per subject and schema text), converts the value and writes header and Avro body.
/// </summary>
internal sealed class OutboundPath
{
    private readonly AvroConverterConfig _config;
    private readonly bool _isKey;
    private readonly RegistryGateway _registry;
    private readonly ConnectToAvroDatum _toAvro;
    private readonly BoundedCache<Schema, CompiledSchema> _schemas;
    private readonly AsyncCache<(string Subject, string Json), WriteTarget> _targets;
    private readonly AsyncCache<int, CompiledSchema> _latestSchemas;

    // The schema converted last: connectors usually send the same Schema instance record after record.
    private LastSchema? _last;

    // The write target used last, so that the per-record path skips computing the subject and hashing the schema text.
    private LastTarget? _lastTarget;

    public OutboundPath(AvroConverterConfig config, bool isKey, RegistryGateway registry)
    {
        _config = config;
        _isKey = isKey;
        _registry = registry;
        _toAvro = new ConnectToAvroDatum(config.Data);
        _schemas = new BoundedCache<Schema, CompiledSchema>(config.Data.SchemasCacheSize);
        _targets = new AsyncCache<(string, string), WriteTarget>(Math.Max(config.Data.SchemasCacheSize, 16));
        _latestSchemas = new AsyncCache<int, CompiledSchema>(Math.Max(config.Data.SchemasCacheSize, 16));
    }

    public string Which => _isKey ? "key" : "value";

    public byte[]? Serialize(string topic, Schema? schema, object? value)
    {
        if (!Prepare(topic, schema, value, out var compiled, out var datum))
        {
            return null;
        }

        if (!TryLastTarget(topic, compiled, out var target))
        {
            var subject = Subject(topic, compiled);
            try
            {
                target = _targets.Get((subject, compiled.Json), key => ResolveAsync(key.Subject, compiled));
            }
            catch (Exception e) when (e is not DataException and not ConverterConfigException and not RetriableException)
            {
                throw Translate(e, topic, subject);
            }

            _lastTarget = new LastTarget(topic, compiled, target);
        }

        return Encode(target, schema, value, datum);
    }

    public async ValueTask<byte[]?> SerializeAsync(string topic, Schema? schema, object? value, CancellationToken cancellationToken)
    {
        if (!Prepare(topic, schema, value, out var compiled, out var datum))
        {
            return null;
        }

        if (!TryLastTarget(topic, compiled, out var target))
        {
            var subject = Subject(topic, compiled);
            if (!_targets.TryGetCompleted((subject, compiled.Json), out target))
            {
                try
                {
                    target = await _targets.GetAsync((subject, compiled.Json), key => ResolveAsync(key.Subject, compiled))
                        .WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not DataException and not ConverterConfigException and not RetriableException and not OperationCanceledException)
                {
                    throw Translate(e, topic, subject);
                }
            }

            _lastTarget = new LastTarget(topic, compiled, target);
        }

        return Encode(target, schema, value, datum);
    }

    public CompiledSchema Compile(Schema? schema)
    {
        if (schema is null)
        {
            return AnythingSchema.Compiled;
        }

        var last = _last;
        if (last is not null && ReferenceEquals(last.Schema, schema))
        {
            return last.Compiled;
        }

        var compiled = _schemas.GetOrAdd(schema, s => CompiledSchema.Compile(ConnectToAvroSchema.Convert(s, _config.Data)));
        _last = new LastSchema(schema, compiled);
        return compiled;
    }

    // Returns false for a Kafka null. As in Confluent's converter the value is converted before the registry is
    // contacted, so bad data never registers a schema.
    private bool Prepare(string topic, Schema? schema, object? value, out CompiledSchema compiled, out object? datum)
    {
        ArgumentNullException.ThrowIfNull(topic);
        compiled = Compile(schema);
        if (value is null)
        {
            if (schema is { IsOptional: false })
            {
                throw new DataException("Found null value for non-optional schema");
            }

            datum = null;
            return false;
        }

        datum = _config.UseLatestVersion && !_config.AutoRegisterSchemas ? null : _toAvro.Convert(schema, compiled.Root, value);
        return true;
    }

    private string Subject(string topic, CompiledSchema compiled) =>
        SubjectNames.Subject(_config.SubjectNameStrategyFor(_isKey), topic, _isKey, compiled.RecordName);

    private bool TryLastTarget(string topic, CompiledSchema compiled, out WriteTarget target)
    {
        var last = _lastTarget;
        if (last is not null && ReferenceEquals(last.Compiled, compiled) && string.Equals(last.Topic, topic, StringComparison.Ordinal))
        {
            target = last.Target;
            return true;
        }

        target = null!;
        return false;
    }

    private byte[] Encode(WriteTarget target, Schema? schema, object? value, object? datum)
    {
        datum ??= _toAvro.Convert(schema, target.Writer.Root, value);
        using var output = new MemoryStream(256);
        WireFormat.WriteHeader(output, target.SchemaId);
        target.Writer.Write(datum, output);
        return output.ToArray();
    }

    private async Task<WriteTarget> ResolveAsync(string subject, CompiledSchema compiled)
    {
        if (_config.AutoRegisterSchemas)
        {
            return new WriteTarget(await _registry.RegisterAsync(subject, compiled.Json).ConfigureAwait(false), compiled);
        }

        if (_config.UseLatestVersion)
        {
            var latest = await _registry.LatestAsync(subject).ConfigureAwait(false);
            var writer = await _latestSchemas.GetAsync(latest.Id, _ => Task.FromResult(CompiledSchema.Compile(AvroSchemaReader.Parse(latest.SchemaString), latest.SchemaString)))
                .ConfigureAwait(false);
            return new WriteTarget(latest.Id, writer);
        }

        return new WriteTarget(await _registry.LookupIdAsync(subject, compiled.Json).ConfigureAwait(false), compiled);
    }

    private Exception Translate(Exception e, string topic, string subject)
    {
        var action = _config.AutoRegisterSchemas ? "Error registering Avro " + Which + " schema" : "Error retrieving Avro " + Which + " schema";
        return RegistryErrors.Translate(
            e,
            topic,
            $"Failed to serialize Avro data from topic {topic}: {action} under subject '{subject}'",
            _config.UseLatestVersion
                ? ". The subject has no registered version (use.latest.version=true needs one)"
                : ". The schema is not registered under that subject and auto.register.schemas=false: register it first or enable auto.register.schemas");
    }

    // A reference, so that readers on other threads never see a schema paired with another schema's conversion.
    private sealed record LastSchema(Schema Schema, CompiledSchema Compiled);

    private sealed record LastTarget(string Topic, CompiledSchema Compiled, WriteTarget Target);
}
