using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Converters.Avro;

/// <summary>Setting names and the <see cref="ConfigDef"/> of <see cref="AvroConverter"/> (Confluent's names and defaults).</summary>
public sealed partial record AvroConverterConfig
{
    /// <summary><c>schema.registry.url</c>: comma-separated Schema Registry URLs (required).</summary>
    public const string SchemaRegistryUrlConfig = "schema.registry.url";

    /// <summary><c>basic.auth.credentials.source</c>: <c>URL</c>, <c>USER_INFO</c> or <c>SASL_INHERIT</c>.</summary>
    public const string BasicAuthCredentialsSourceConfig = "basic.auth.credentials.source";

    /// <summary><c>basic.auth.user.info</c>: <c>user:password</c> for <c>USER_INFO</c>.</summary>
    public const string BasicAuthUserInfoConfig = "basic.auth.user.info";

    /// <summary><c>schema.registry.basic.auth.user.info</c>: the deprecated name of <see cref="BasicAuthUserInfoConfig"/>.</summary>
    public const string LegacyBasicAuthUserInfoConfig = "schema.registry.basic.auth.user.info";

    /// <summary><c>auto.register.schemas</c>.</summary>
    public const string AutoRegisterSchemasConfig = "auto.register.schemas";

    /// <summary><c>use.latest.version</c>.</summary>
    public const string UseLatestVersionConfig = "use.latest.version";

    /// <summary><c>latest.compatibility.strict</c>.</summary>
    public const string LatestCompatibilityStrictConfig = "latest.compatibility.strict";

    /// <summary><c>latest.cache.ttl.sec</c>.</summary>
    public const string LatestCacheTtlConfig = "latest.cache.ttl.sec";

    /// <summary><c>normalize.schemas</c>.</summary>
    public const string NormalizeSchemasConfig = "normalize.schemas";

    /// <summary><c>key.subject.name.strategy</c>.</summary>
    public const string KeySubjectNameStrategyConfig = "key.subject.name.strategy";

    /// <summary><c>value.subject.name.strategy</c>.</summary>
    public const string ValueSubjectNameStrategyConfig = "value.subject.name.strategy";

    /// <summary><c>max.schemas.per.subject</c>.</summary>
    public const string MaxSchemasPerSubjectConfig = "max.schemas.per.subject";

    /// <summary><c>schemas.cache.config</c>.</summary>
    public const string SchemasCacheSizeConfig = "schemas.cache.config";

    /// <summary><c>enhanced.avro.schema.support</c>.</summary>
    public const string EnhancedAvroSchemaSupportConfig = "enhanced.avro.schema.support";

    /// <summary><c>connect.meta.data</c>.</summary>
    public const string ConnectMetaDataConfig = "connect.meta.data";

    /// <summary><c>avro.use.logical.type.converters</c>.</summary>
    public const string UseLogicalTypeConvertersConfig = "avro.use.logical.type.converters";

    /// <summary><c>scrub.invalid.names</c>.</summary>
    public const string ScrubInvalidNamesConfig = "scrub.invalid.names";

    /// <summary><c>ignore.default.for.nullables</c>.</summary>
    public const string IgnoreDefaultForNullablesConfig = "ignore.default.for.nullables";

    /// <summary><c>allow.optional.map.keys</c>.</summary>
    public const string AllowOptionalMapKeysConfig = "allow.optional.map.keys";

    /// <summary><c>flatten.singleton.union</c>.</summary>
    public const string FlattenSingletonUnionConfig = "flatten.singleton.union";

    /// <summary><c>generalized.sum.type.support</c> (only <see langword="false"/> is supported).</summary>
    public const string GeneralizedSumTypeSupportConfig = "generalized.sum.type.support";

    /// <summary><c>discard.type.doc.default</c> (only <see langword="false"/> is supported).</summary>
    public const string DiscardTypeDocDefaultConfig = "discard.type.doc.default";

    // Settings of Confluent's .NET client that are handed to it unchanged (they have no Java counterpart).
    private static readonly string[] _passThroughClientSettings =
    [
        "schema.registry.request.timeout.ms",
        "schema.registry.max.retries",
        "schema.registry.retries.wait.ms",
        "schema.registry.retries.max.wait.ms",
        "schema.registry.max.connections.per.server",
        "schema.registry.enable.ssl.certificate.verification",
        "schema.registry.ssl.ca.location",
    ];

    /// <summary>Creates the definition of the converter's settings (a new, independent instance each time).</summary>
    /// <returns>The definition.</returns>
    public static ConfigDef CreateConfigDef() => new ConfigDef()
        .Define(SchemaRegistryUrlConfig, ConfigType.List, ConfigDef.NoDefaultValue, NonEmptyUrls, Importance.High,
            "Comma-separated list of Schema Registry URLs.")
        .Define(BasicAuthCredentialsSourceConfig, ConfigType.String, "URL", Importance.Medium,
            "Where basic-auth credentials come from: URL, USER_INFO or SASL_INHERIT.")
        .Define(BasicAuthUserInfoConfig, ConfigType.Password, string.Empty, Importance.Medium, "user:password for USER_INFO.")
        .DefineDeprecated(LegacyBasicAuthUserInfoConfig, ConfigType.Password, string.Empty, "user:password for USER_INFO.",
            $"use {BasicAuthUserInfoConfig}")
        .Define(AutoRegisterSchemasConfig, ConfigType.Boolean, true, Importance.Medium, "Register unknown schemas on write.")
        .Define(UseLatestVersionConfig, ConfigType.Boolean, false, Importance.Low,
            "Write with the latest registered schema of the subject (when auto.register.schemas=false).")
        .Define(LatestCompatibilityStrictConfig, ConfigType.Boolean, true, Importance.Low,
            "Accepted for compatibility; no local compatibility check is made.")
        .Define(LatestCacheTtlConfig, ConfigType.Long, -1L, Importance.Low, "Seconds to cache the latest version (-1: no expiry).")
        .Define(NormalizeSchemasConfig, ConfigType.Boolean, false, Importance.Low, "Ask the registry to normalize schemas.")
        .Define(KeySubjectNameStrategyConfig, ConfigType.Class, SubjectNames.TopicNameStrategyClass, Importance.Medium,
            "Subject name strategy for keys.")
        .Define(ValueSubjectNameStrategyConfig, ConfigType.Class, SubjectNames.TopicNameStrategyClass, Importance.Medium,
            "Subject name strategy for values.")
        .Define(MaxSchemasPerSubjectConfig, ConfigType.Int, 1000, NumberRange.AtLeast(1), Importance.Low,
            "Maximum number of schemas cached by the registry client.")
        .Define(SchemasCacheSizeConfig, ConfigType.Int, 1000, Importance.Low, "Size of the converted schemas cache.")
        .Define(EnhancedAvroSchemaSupportConfig, ConfigType.Boolean, false, Importance.Medium,
            "Preserve Avro enums and package names.")
        .Define(ConnectMetaDataConfig, ConfigType.Boolean, true, Importance.Low, "Add Connect metadata to Avro schemas.")
        .Define(UseLogicalTypeConvertersConfig, ConfigType.Boolean, false, Importance.Low, "Use Avro logical type conversions.")
        .Define(ScrubInvalidNamesConfig, ConfigType.Boolean, false, Importance.Medium, "Rewrite names that are invalid in Avro.")
        .Define(IgnoreDefaultForNullablesConfig, ConfigType.Boolean, false, Importance.Medium,
            "Write null for null optional fields even when they have a default.")
        .Define(AllowOptionalMapKeysConfig, ConfigType.Boolean, false, Importance.Low, "Map optional string keys to an Avro map.")
        .Define(FlattenSingletonUnionConfig, ConfigType.Boolean, true, Importance.Low, "Read single-member unions as the member.")
        .Define(GeneralizedSumTypeSupportConfig, ConfigType.Boolean, false, Importance.Low, "Not supported (must be false).")
        .Define(DiscardTypeDocDefaultConfig, ConfigType.Boolean, false, Importance.Low, "Not supported (must be false).");

    private static IConfigValidator NonEmptyUrls => LambdaValidator.With(
        (name, value) =>
        {
            if (value is IReadOnlyList<string> list && list.All(string.IsNullOrWhiteSpace))
            {
                throw new Serverless.Connect.Configuration.ConfigException(name, string.Empty, "at least one URL is required");
            }
        },
        "non-empty list of URLs");
}
