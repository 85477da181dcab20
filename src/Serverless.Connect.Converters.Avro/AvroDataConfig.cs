namespace Serverless.Connect.Converters.Avro;

/// <summary>
/// Settings of the Connect ↔ Avro schema and value mapping, mirroring Confluent's <c>AvroDataConfig</c> (the
/// converter reads them from its configuration under the same names).
/// </summary>
public sealed record AvroDataConfig
{
    /// <summary>Gets the default settings.</summary>
    public static AvroDataConfig Default { get; } = new();

    /// <summary>Gets a value indicating whether Connect metadata (<c>connect.name</c>, <c>connect.version</c>, …) is written to and read from Avro schemas.</summary>
    /// <value><c>connect.meta.data</c>, default <see langword="true"/>.</value>
    public bool ConnectMetaData { get; init; } = true;

    /// <summary>Gets a value indicating whether Avro enums and package names are preserved through Connect schemas.</summary>
    /// <value><c>enhanced.avro.schema.support</c>, default <see langword="false"/>.</value>
    public bool EnhancedAvroSchemaSupport { get; init; }

    /// <summary>Gets a value indicating whether names that are invalid in Avro are rewritten instead of rejected.</summary>
    /// <value><c>scrub.invalid.names</c>, default <see langword="false"/>.</value>
    public bool ScrubInvalidNames { get; init; }

    /// <summary>Gets the number of converted schemas cached in each direction.</summary>
    /// <value><c>schemas.cache.config</c>, default 1000 (at least 1 is used).</value>
    public int SchemasCacheSize { get; init; } = 1000;

    /// <summary>Gets a value indicating whether a null optional field is written as null even when its schema has a default.</summary>
    /// <value><c>ignore.default.for.nullables</c>, default <see langword="false"/>.</value>
    public bool IgnoreDefaultForNullables { get; init; }

    /// <summary>Gets a value indicating whether maps with optional string keys become Avro maps (otherwise arrays of entries).</summary>
    /// <value><c>allow.optional.map.keys</c>, default <see langword="false"/>.</value>
    public bool AllowOptionalMapKeys { get; init; }

    /// <summary>Gets a value indicating whether a union with a single member is read as that member.</summary>
    /// <value><c>flatten.singleton.union</c>, default <see langword="true"/>.</value>
    public bool FlattenSingletonUnion { get; init; } = true;
}
