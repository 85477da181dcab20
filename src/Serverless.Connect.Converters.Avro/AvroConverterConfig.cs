using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro;

/// <summary>
/// The parsed settings of <see cref="AvroConverter"/>, under Confluent's names (the keys a converter receives without the
/// <c>key.converter.</c>/<c>value.converter.</c> prefix). <see cref="Parse"/> validates them with <see cref="CreateConfigDef"/>.
/// </summary>
public sealed partial record AvroConverterConfig
{
    /// <summary>Gets the Schema Registry base URLs; Confluent's client fails over between them.</summary>
    public required IReadOnlyList<string> SchemaRegistryUrls { get; init; }

    /// <summary>Gets where basic-auth credentials come from: <c>URL</c> (user info in the URL), <c>USER_INFO</c> or <c>SASL_INHERIT</c>.</summary>
    /// <value>Default <c>URL</c>.</value>
    public string BasicAuthCredentialsSource { get; init; } = "URL";

    /// <summary>Gets the <c>user:password</c> for <c>USER_INFO</c>, or <see langword="null"/>.</summary>
    public string? BasicAuthUserInfo { get; init; }

    /// <summary>Gets the <c>sasl.jaas.config</c> read for <c>SASL_INHERIT</c>, or <see langword="null"/>.</summary>
    public string? SaslJaasConfig { get; init; }

    /// <summary>Gets a value indicating whether unknown schemas are registered on write.</summary>
    /// <value><c>auto.register.schemas</c>, default <see langword="true"/>.</value>
    public bool AutoRegisterSchemas { get; init; } = true;

    /// <summary>Gets a value indicating whether data is written with the subject's latest schema when auto-registration is off.</summary>
    /// <value><c>use.latest.version</c>, default <see langword="false"/>.</value>
    public bool UseLatestVersion { get; init; }

    /// <summary>Gets the <c>latest.compatibility.strict</c> setting (accepted; no local compatibility check is made).</summary>
    public bool LatestCompatibilityStrict { get; init; } = true;

    /// <summary>Gets the number of seconds the latest version of a subject is cached (-1: until restart).</summary>
    public long LatestCacheTtlSeconds { get; init; } = -1;

    /// <summary>Gets a value indicating whether the registry is asked to normalize schemas.</summary>
    /// <value><c>normalize.schemas</c>, default <see langword="false"/>.</value>
    public bool NormalizeSchemas { get; init; }

    /// <summary>Gets the subject name strategy for keys.</summary>
    public SubjectNameStrategy KeySubjectNameStrategy { get; init; }

    /// <summary>Gets the subject name strategy for values.</summary>
    public SubjectNameStrategy ValueSubjectNameStrategy { get; init; }

    /// <summary>Gets the maximum number of schemas cached per subject by the registry client.</summary>
    /// <value><c>max.schemas.per.subject</c>, default 1000.</value>
    public int MaxSchemasPerSubject { get; init; } = 1000;

    /// <summary>Gets the <c>avro.use.logical.type.converters</c> setting. Connect values are the same either way (logical values are always produced).</summary>
    public bool UseLogicalTypeConverters { get; init; }

    /// <summary>Gets the schema and value mapping settings.</summary>
    public AvroDataConfig Data { get; init; } = AvroDataConfig.Default;

    /// <summary>Gets the Confluent .NET client settings passed through unchanged (<c>schema.registry.request.timeout.ms</c>, …).</summary>
    public IReadOnlyDictionary<string, string> ClientSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses and validates converter settings.</summary>
    /// <param name="configs">The settings without the converter prefix.</param>
    /// <returns>The parsed settings.</returns>
    /// <exception cref="ConverterConfigException">A setting is missing or invalid; the message lists every problem.</exception>
    public static AvroConverterConfig Parse(IReadOnlyDictionary<string, string> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var result = CreateConfigDef().Validate(configs);
        var problems = new List<string>(result.Errors.Select(e => e.ToString()));
        var parsed = result.Config;
        if (parsed is null || problems.Count > 0)
        {
            throw new ConverterConfigException(string.Join(Environment.NewLine, problems));
        }

        var keyStrategy = Strategy(parsed, KeySubjectNameStrategyConfig, problems);
        var valueStrategy = Strategy(parsed, ValueSubjectNameStrategyConfig, problems);
        var source = parsed.GetString(BasicAuthCredentialsSourceConfig)!.Trim().ToUpperInvariant();
        if (source is not ("URL" or "USER_INFO" or "SASL_INHERIT"))
        {
            problems.Add($"{BasicAuthCredentialsSourceConfig}: Invalid value {source}: must be one of URL, USER_INFO, SASL_INHERIT");
        }

        foreach (var unsupported in new[] { GeneralizedSumTypeSupportConfig, DiscardTypeDocDefaultConfig })
        {
            if (parsed.GetBoolean(unsupported))
            {
                problems.Add($"{unsupported}: true is not supported by this converter");
            }
        }

        var userInfo = parsed.GetPassword(BasicAuthUserInfoConfig)?.Value;
        if (string.IsNullOrEmpty(userInfo))
        {
            userInfo = parsed.GetPassword(LegacyBasicAuthUserInfoConfig)?.Value;
        }

        if (problems.Count > 0)
        {
            throw new ConverterConfigException(string.Join(Environment.NewLine, problems));
        }

        return new AvroConverterConfig
        {
            SchemaRegistryUrls = parsed.GetList(SchemaRegistryUrlConfig)!.Select(u => u.Trim()).Where(u => u.Length > 0).ToArray(),
            BasicAuthCredentialsSource = source,
            BasicAuthUserInfo = string.IsNullOrEmpty(userInfo) ? null : userInfo,
            SaslJaasConfig = configs.GetValueOrDefault("sasl.jaas.config"),
            AutoRegisterSchemas = parsed.GetBoolean(AutoRegisterSchemasConfig),
            UseLatestVersion = parsed.GetBoolean(UseLatestVersionConfig),
            LatestCompatibilityStrict = parsed.GetBoolean(LatestCompatibilityStrictConfig),
            LatestCacheTtlSeconds = parsed.GetLong(LatestCacheTtlConfig),
            NormalizeSchemas = parsed.GetBoolean(NormalizeSchemasConfig),
            KeySubjectNameStrategy = keyStrategy,
            ValueSubjectNameStrategy = valueStrategy,
            MaxSchemasPerSubject = parsed.GetInt(MaxSchemasPerSubjectConfig),
            UseLogicalTypeConverters = parsed.GetBoolean(UseLogicalTypeConvertersConfig),
            Data = new AvroDataConfig
            {
                ConnectMetaData = parsed.GetBoolean(ConnectMetaDataConfig),
                EnhancedAvroSchemaSupport = parsed.GetBoolean(EnhancedAvroSchemaSupportConfig),
                ScrubInvalidNames = parsed.GetBoolean(ScrubInvalidNamesConfig),
                SchemasCacheSize = Math.Max(1, parsed.GetInt(SchemasCacheSizeConfig)),
                IgnoreDefaultForNullables = parsed.GetBoolean(IgnoreDefaultForNullablesConfig),
                AllowOptionalMapKeys = parsed.GetBoolean(AllowOptionalMapKeysConfig),
                FlattenSingletonUnion = parsed.GetBoolean(FlattenSingletonUnionConfig),
            },
            ClientSettings = configs
                .Where(entry => _passThroughClientSettings.Contains(entry.Key, StringComparer.Ordinal))
                .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>Gets the subject name strategy for keys or values.</summary>
    /// <param name="isKey">Whether keys are meant.</param>
    /// <returns>The strategy.</returns>
    public SubjectNameStrategy SubjectNameStrategyFor(bool isKey) => isKey ? KeySubjectNameStrategy : ValueSubjectNameStrategy;

    private static SubjectNameStrategy Strategy(ParsedConfig parsed, string key, List<string> problems)
    {
        var className = parsed.GetClass(key);
        if (SubjectNames.TryParse(className, out var strategy))
        {
            return strategy;
        }

        problems.Add($"{key}: Class {className} could not be found. Supported: {SubjectNames.TopicNameStrategyClass}, " +
            $"{SubjectNames.RecordNameStrategyClass}, {SubjectNames.TopicRecordNameStrategyClass}");
        return strategy;
    }
}
