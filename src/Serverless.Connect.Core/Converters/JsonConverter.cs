using System.Text;
using System.Text.Json;
using Serverless.Connect.Converters.Internal;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters;

/// <summary>
/// Byte-exact port of Kafka's <c>org.apache.kafka.connect.json.JsonConverter</c>: with <c>schemas.enable=true</c> (the
/// default) data is written as <c>{"schema":…,"payload":…}</c>, otherwise as the bare payload. See
/// <see cref="JsonConverterConfig"/> for the settings.
/// </summary>
/// <remarks>
/// Output matches Jackson's: no whitespace, bytes and (by default) decimals as base64, floats as Java prints them, NaN and
/// infinities as strings, maps with non-string keys as arrays of <c>[key, value]</c> pairs. A null schema with a null
/// value yields a Kafka null; a schema with a null value yields JSON <c>null</c> (or the envelope), not a tombstone.
/// Instances are thread-safe once configured.
/// </remarks>
public sealed class JsonConverter : IConverter
{
    private const string EnvelopeError =
        "JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields and may not contain additional fields. " +
        "If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.";

    private static readonly JsonReaderOptions _readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 1000,
    };

    private JsonConverterConfig _config = JsonConverterConfig.Default;
    private JsonBySchemaCache _fromConnectCache = new(JsonConverterConfig.Default.SchemasCacheSize);
    private SchemaByJsonCache _toConnectCache = new(JsonConverterConfig.Default.SchemasCacheSize);

    /// <summary>Initializes a converter with the default configuration (call <see cref="Configure"/> to change it).</summary>
    public JsonConverter()
    {
    }

    /// <summary>Initializes a converter with the given configuration.</summary>
    /// <param name="config">The configuration.</param>
    public JsonConverter(JsonConverterConfig config)
    {
        Apply(config);
    }

    /// <summary>Gets the active configuration.</summary>
    public JsonConverterConfig Config => _config;

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> configs, bool isKey) => Apply(JsonConverterConfig.Parse(configs));

    /// <inheritdoc/>
    public byte[]? FromConnectData(string topic, ConnectHeaders? headers, Schema? schema, object? value)
    {
        if (schema is null && value is null)
        {
            return null;
        }

        var output = JsonOutput.Rent();
        try
        {
            if (_config.SchemasEnabled)
            {
                output.WriteRaw("{\"schema\":"u8);
                if (schema is null)
                {
                    output.WriteNull();
                }
                else
                {
                    output.WriteRaw(GetSchemaJson(schema));
                }

                output.WriteRaw(",\"payload\":"u8);
                JsonValueWriter.Write(output, schema, value, _config);
                output.WriteByte((byte)'}');
            }
            else
            {
                JsonValueWriter.Write(output, schema, value, _config);
            }

            return output.ToArray();
        }
        finally
        {
            JsonOutput.Return(output);
        }
    }

    /// <inheritdoc/>
    public SchemaAndValue ToConnectData(string topic, ConnectHeaders? headers, ReadOnlySpan<byte> value, bool isNull)
    {
        if (isNull)
        {
            return SchemaAndValue.Null;
        }

        var scratch = ReadScratch.Current;
        var scratchStart = scratch.Count;
        try
        {
            if (value.Trim(" \t\r\n"u8).IsEmpty)
            {
                // Jackson reads empty input as a missing node: null without schemas, an invalid envelope with them.
                return _config.SchemasEnabled ? throw new DataException(EnvelopeError) : SchemaAndValue.Null;
            }

            var reader = new Utf8JsonReader(value, _readerOptions);
            reader.Read();
            return _config.SchemasEnabled
                ? ReadEnvelope(ref reader, value)
                : new SchemaAndValue(null, JsonValueReader.Read(ref reader, null, _config));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or DecoderFallbackException)
        {
            throw new DataException("Converting byte[] to Kafka Connect data failed due to serialization error: ", e);
        }
        finally
        {
            scratch.Truncate(scratchStart);
        }
    }

    /// <summary>Returns the JSON form of a schema, exactly as it appears in the envelope.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>UTF-8 JSON; the array is shared and must not be modified.</returns>
    public ReadOnlyMemory<byte> SchemaToJson(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return GetSchemaJson(schema);
    }

    /// <summary>Parses the JSON form of a schema (the <c>schema</c> part of an envelope).</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <returns>The schema, or <see langword="null"/> for JSON <c>null</c>.</returns>
    /// <exception cref="DataException">The JSON is not a valid schema.</exception>
    public Schema? SchemaFromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return ParseSchema(json);
        }
        catch (JsonException e)
        {
            throw new DataException("Invalid schema JSON", e);
        }
    }

    internal int FromConnectCacheCount => _fromConnectCache.Count;

    internal int ToConnectCacheCount => _toConnectCache.Count;

    private void Apply(JsonConverterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(config.SchemasCacheSize, nameof(config));
        _fromConnectCache = new JsonBySchemaCache(config.SchemasCacheSize);
        _toConnectCache = new SchemaByJsonCache(config.SchemasCacheSize);
        _config = config;
    }

    private byte[] GetSchemaJson(Schema schema)
    {
        var cache = _fromConnectCache;
        if (cache.TryGetFast(schema, out var json))
        {
            return json;
        }

        var output = JsonOutput.Rent();
        try
        {
            JsonSchemaWriter.Write(output, schema, _config);
            json = output.ToArray();
        }
        finally
        {
            JsonOutput.Return(output);
        }

        cache.Add(schema, json);
        cache.Remember(schema, json);
        return json;
    }

    private Schema? ParseSchema(ReadOnlySpan<byte> json)
    {
        var cache = _toConnectCache;
        if (cache.TryGet(json, out var cached))
        {
            return cached;
        }

        using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 1000 });
        var schema = JsonSchemaReader.Read(document.RootElement, _config);
        cache.Add(json.ToArray(), schema);
        return schema;
    }

    private SchemaAndValue ReadEnvelope(ref Utf8JsonReader reader, ReadOnlySpan<byte> input)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DataException(EnvelopeError);
        }

        var hasSchema = false;
        var hasPayload = false;
        Schema? schema = null;
        object? payload = null;
        var payloadStart = -1;
        var payloadEnd = -1;
        var otherProperties = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("schema"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                schema = ParseSchema(input[start..(int)reader.BytesConsumed]);
                hasSchema = true;
            }
            else if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                hasPayload = true;
                if (hasSchema)
                {
                    // The usual order: the schema is known, so convert the payload in this pass.
                    payload = JsonValueReader.Read(ref reader, schema, _config);
                    payloadStart = -1;
                }
                else
                {
                    payloadStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                    payloadEnd = (int)reader.BytesConsumed;
                }
            }
            else
            {
                otherProperties = true;
                reader.Read();
                reader.Skip();
            }
        }

        if (!hasSchema || !hasPayload || otherProperties)
        {
            throw new DataException(EnvelopeError);
        }

        if (payloadStart >= 0)
        {
            var payloadReader = new Utf8JsonReader(input[payloadStart..payloadEnd], _readerOptions);
            payloadReader.Read();
            payload = JsonValueReader.Read(ref payloadReader, schema, _config);
        }

        return new SchemaAndValue(schema, payload);
    }
}
