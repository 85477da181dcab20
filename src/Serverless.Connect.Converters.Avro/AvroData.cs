using Serverless.Connect.Converters.Avro.Internal;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro;

/// <summary>
/// Connect ↔ Avro schema and value conversion without a registry, with the semantics of Confluent's <c>AvroData</c>
/// (the same conversion <see cref="AvroConverter"/> uses). Useful for formats that embed Avro schemas, such as Avro or
/// Parquet files written by sinks. Instances are thread-safe and cache converted schemas.
/// </summary>
public sealed class AvroData
{
    private readonly BoundedCache<Schema, CompiledSchema> _fromConnect;
    private readonly BoundedCache<string, CompiledSchema> _parsed;
    private readonly ConnectToAvroDatum _toAvro;
    private readonly AvroDatumToConnect _toConnect;

    /// <summary>Initializes a converter with the given settings.</summary>
    /// <param name="config">The settings, or <see langword="null"/> for <see cref="AvroDataConfig.Default"/>.</param>
    public AvroData(AvroDataConfig? config = null)
    {
        Config = config ?? AvroDataConfig.Default;
        _fromConnect = new BoundedCache<Schema, CompiledSchema>(Config.SchemasCacheSize);
        _parsed = new BoundedCache<string, CompiledSchema>(Config.SchemasCacheSize, StringComparer.Ordinal);
        _toAvro = new ConnectToAvroDatum(Config);
        _toConnect = new AvroDatumToConnect(Config);
    }

    /// <summary>Gets the settings.</summary>
    public AvroDataConfig Config { get; }

    /// <summary>Converts a Connect schema to Avro schema JSON, rendered as Avro Java renders it (the text the registry stores).</summary>
    /// <param name="schema">The Connect schema, or <see langword="null"/> for schemaless data (Confluent's <c>Anything</c> record).</param>
    /// <returns>The Avro schema JSON.</returns>
    /// <exception cref="DataException">The schema cannot be represented in Avro (for example an invalid name).</exception>
    public string FromConnectSchema(Schema? schema) => Compile(schema).Json;

    /// <summary>Converts Avro schema JSON to a Connect schema.</summary>
    /// <param name="avroSchemaJson">The Avro schema JSON.</param>
    /// <param name="version">The version to use when the schema has no <c>connect.version</c> (the registry passes the subject version).</param>
    /// <returns>The Connect schema, or <see langword="null"/> for Confluent's schemaless <c>Anything</c> record.</returns>
    /// <exception cref="DataException">The schema is invalid or cannot be represented in Connect.</exception>
    public Schema? ToConnectSchema(string avroSchemaJson, int? version = null) =>
        AvroToConnectSchema.Convert(Parse(avroSchemaJson).Root, version, Config);

    /// <summary>Converts a Connect value to Apache.Avro generic data for <see cref="FromConnectSchema"/>'s schema.</summary>
    /// <param name="schema">The Connect schema, or <see langword="null"/> for schemaless data.</param>
    /// <param name="value">The value.</param>
    /// <returns>
    /// A <see cref="global::Avro.Generic.GenericRecord"/>, <c>object?[]</c>, dictionary or primitive. Logical values are
    /// given by their underlying Avro type (Decimal as two's-complement bytes, Date/Time as int, Timestamp as long).
    /// </returns>
    /// <exception cref="DataException">The value does not match the schema.</exception>
    public object? FromConnectData(Schema? schema, object? value) => _toAvro.Convert(schema, Compile(schema).Root, value);

    /// <summary>Converts Apache.Avro generic data (underlying types, as <see cref="FromConnectData"/> produces) to Connect.</summary>
    /// <param name="avroSchemaJson">The Avro schema of the data.</param>
    /// <param name="datum">The data.</param>
    /// <param name="version">See <see cref="ToConnectSchema"/>.</param>
    /// <returns>The Connect schema and value.</returns>
    /// <exception cref="DataException">The data does not match the schema.</exception>
    public SchemaAndValue ToConnectData(string avroSchemaJson, object? datum, int? version = null)
    {
        var schema = ToConnectSchema(avroSchemaJson, version);
        return datum is null ? new SchemaAndValue(schema, null) : new SchemaAndValue(schema, _toConnect.Convert(schema, datum));
    }

    /// <summary>Gets the Apache.Avro schema used for binary encoding of <see cref="FromConnectData"/>'s output (structure only, no logical types).</summary>
    /// <param name="schema">The Connect schema, or <see langword="null"/>.</param>
    /// <returns>The Apache.Avro schema.</returns>
    public global::Avro.Schema BinarySchema(Schema? schema) => Compile(schema).Codec;

    private CompiledSchema Compile(Schema? schema) =>
        schema is null
            ? AnythingSchema.Compiled
            : _fromConnect.GetOrAdd(schema, s => CompiledSchema.Compile(ConnectToAvroSchema.Convert(s, Config)));

    private CompiledSchema Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return _parsed.GetOrAdd(json, text => CompiledSchema.Compile(AvroSchemaReader.Parse(text), text));
    }
}
