using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Converters.Avro.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Settings parsing, defaults, registry client settings and registration with the converter and plugin registries.</summary>
public sealed class AvroConverterConfigTests
{
    private static readonly Dictionary<string, string> _minimal = new() { ["schema.registry.url"] = "http://schema-registry:8081" };

    [Fact]
    public void Defaults_AreConfluents()
    {
        var config = AvroConverterConfig.Parse(_minimal);

        Assert.Equal(["http://schema-registry:8081"], config.SchemaRegistryUrls);
        Assert.True(config.AutoRegisterSchemas);
        Assert.False(config.UseLatestVersion);
        Assert.Equal("URL", config.BasicAuthCredentialsSource);
        Assert.Equal(SubjectNameStrategy.TopicName, config.KeySubjectNameStrategy);
        Assert.Equal(SubjectNameStrategy.TopicName, config.ValueSubjectNameStrategy);
        Assert.Equal(1000, config.MaxSchemasPerSubject);
        Assert.Equal(AvroDataConfig.Default, config.Data);
    }

    [Fact]
    public void EverySetting_IsRead()
    {
        var config = AvroConverterConfig.Parse(new Dictionary<string, string>
        {
            ["schema.registry.url"] = "http://a:8081, http://b:8081",
            ["basic.auth.credentials.source"] = "USER_INFO",
            ["basic.auth.user.info"] = "u:p",
            ["auto.register.schemas"] = "false",
            ["use.latest.version"] = "true",
            ["normalize.schemas"] = "true",
            ["key.subject.name.strategy"] = "io.confluent.kafka.serializers.subject.RecordNameStrategy",
            ["value.subject.name.strategy"] = "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
            ["max.schemas.per.subject"] = "10",
            ["schemas.cache.config"] = "20",
            ["enhanced.avro.schema.support"] = "true",
            ["connect.meta.data"] = "false",
            ["avro.use.logical.type.converters"] = "true",
            ["scrub.invalid.names"] = "true",
            ["ignore.default.for.nullables"] = "true",
            ["allow.optional.map.keys"] = "true",
            ["flatten.singleton.union"] = "false",
        });

        Assert.Equal(["http://a:8081", "http://b:8081"], config.SchemaRegistryUrls);
        Assert.Equal("u:p", config.BasicAuthUserInfo);
        Assert.False(config.AutoRegisterSchemas);
        Assert.True(config.UseLatestVersion);
        Assert.True(config.NormalizeSchemas);
        Assert.Equal(SubjectNameStrategy.RecordName, config.KeySubjectNameStrategy);
        Assert.Equal(SubjectNameStrategy.TopicRecordName, config.ValueSubjectNameStrategy);
        Assert.Equal(10, config.MaxSchemasPerSubject);
        Assert.True(config.UseLogicalTypeConverters);
        Assert.Equal(
            new AvroDataConfig
            {
                SchemasCacheSize = 20,
                EnhancedAvroSchemaSupport = true,
                ConnectMetaData = false,
                ScrubInvalidNames = true,
                IgnoreDefaultForNullables = true,
                AllowOptionalMapKeys = true,
                FlattenSingletonUnion = false,
            },
            config.Data);
    }

    [Fact]
    public void MissingUrl_IsAConfigError_InKafkasWords()
    {
        var error = Assert.Throws<ConverterConfigException>(() => AvroConverterConfig.Parse(new Dictionary<string, string>()));

        Assert.Contains("Missing required configuration \"schema.registry.url\" which has no default value.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value.subject.name.strategy", "com.example.MyStrategy", "could not be found")]
    [InlineData("basic.auth.credentials.source", "TOKEN", "URL, USER_INFO, SASL_INHERIT")]
    [InlineData("auto.register.schemas", "yes", "Expected value to be either true or false")]
    [InlineData("generalized.sum.type.support", "true", "not supported")]
    public void InvalidSettings_AreConfigErrors(string key, string value, string expected)
    {
        var configs = new Dictionary<string, string>(_minimal) { [key] = value };

        var error = Assert.Throws<ConverterConfigException>(() => AvroConverterConfig.Parse(configs));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlUserInfo_BecomesBasicAuth_AndIsRemovedFromTheUrl()
    {
        var config = AvroConverterConfig.Parse(new Dictionary<string, string> { ["schema.registry.url"] = "http://us%3Aer:p%40ss@registry:8081" });

        var client = RegistryClientFactory.ClientConfig(config);

        Assert.Equal("http://registry:8081", client["schema.registry.url"]);
        Assert.Equal("us:er:p@ss", client["schema.registry.basic.auth.user.info"]);
    }

    [Fact]
    public void SaslInherit_TakesCredentialsFromTheJaasConfig()
    {
        var config = AvroConverterConfig.Parse(new Dictionary<string, string>(_minimal)
        {
            ["basic.auth.credentials.source"] = "SASL_INHERIT",
            ["sasl.jaas.config"] = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"pw\";",
        });

        Assert.Equal("alice:pw", RegistryClientFactory.ClientConfig(config)["schema.registry.basic.auth.user.info"]);
    }

    [Fact]
    public void ConverterRegistry_CreatesTheConverter_ByClassAndSimpleName()
    {
        var registry = AvroConverterPlugin.Register(ConverterRegistry.CreateWithBuiltIns());

        using var byClass = (AvroConverter)registry.Create("io.confluent.connect.avro.AvroConverter", _minimal, isKey: true);
        using var bySimpleName = (AvroConverter)registry.Create("AvroConverter", _minimal, isKey: false);

        Assert.True(byClass.IsKey);
        Assert.False(bySimpleName.IsKey);
        Assert.Contains("io.confluent.connect.avro.AvroConverter", registry.SupportedClassNames);
    }

    [Fact]
    public void PluginRegistry_FindsTheDescriptor_ByConnectAliases_AndValidatesConverterSettings()
    {
        var plugins = AvroConverterPlugin.Register(new PluginRegistry());

        Assert.Same(AvroConverterPlugin.Descriptor, plugins.Find("io.confluent.connect.avro.AvroConverter", PluginKind.Converter));
        Assert.Same(AvroConverterPlugin.Descriptor, plugins.Find("AvroConverter", PluginKind.Converter));
        Assert.Same(AvroConverterPlugin.Descriptor, plugins.Find("Avro", PluginKind.Converter));
        var result = AvroConverterPlugin.Descriptor.Config!.Validate(new Dictionary<string, string> { ["auto.register.schemas"] = "maybe" });
        Assert.Contains(result.Errors, e => e.Key == "schema.registry.url");
        Assert.Contains(result.Errors, e => e.Key == "auto.register.schemas");
    }

    [Fact]
    public void UnconfiguredConverter_SaysSo()
    {
        using var converter = new AvroConverter();

        Assert.Throws<InvalidOperationException>(() => converter.FromConnectData("t", Serverless.Connect.Data.Schema.Int32Schema, 1));
    }
}
