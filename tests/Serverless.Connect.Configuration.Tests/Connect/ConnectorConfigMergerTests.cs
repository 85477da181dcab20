using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Connect;

public sealed class ConnectorConfigMergerTests
{
    private static readonly WorkerConfig _worker = WorkerConfig.FromValues(
    [
        new("bootstrap.servers", "kafka:9092"),
        new("group.id", "connect-cluster"),
        new("offset.storage.topic", "connect-offsets"),
        new("config.providers", "file"),
        new("key.converter", "org.apache.kafka.connect.json.JsonConverter"),
        new("key.converter.schemas.enable", "true"),
        new("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
        new("value.converter.schemas.enable", "true"),
        new("producer.compression.type", "lz4"),
        new("errors.tolerance", "all"),
    ]);

    private static ConnectorConfig Connector(params (string Key, string Value)[] extra) =>
        ConnectorConfig.FromValues(new[] { ("name", "c"), ("connector.class", "A") }.Concat(extra).Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)));

    [Fact]
    public void WorkerConverters_ApplyWithTheirSubKeysWhenTheConnectorSetsNone()
    {
        var effective = ConnectorConfigMerger.Merge(Connector(), _worker);

        Assert.Equal(ConfigOrigin.Worker, effective.ValueConverter!.Origin);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", effective.ValueConverter.ClassName);
        Assert.Equal("true", effective.ValueConverter.Config["schemas.enable"]);
        Assert.Equal("true", effective.Values["value.converter.schemas.enable"]);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", effective.Values["key.converter"]);
    }

    [Fact]
    public void ConnectorConverter_TakesOnlyItsOwnSubKeys()
    {
        var connector = Connector(
            ("value.converter", "io.confluent.connect.avro.AvroConverter"),
            ("value.converter.schema.registry.url", "http://schema-registry:8081"));

        var effective = ConnectorConfigMerger.Merge(connector, _worker);

        Assert.Equal(ConfigOrigin.Connector, effective.ValueConverter!.Origin);
        Assert.Equal("io.confluent.connect.avro.AvroConverter", effective.Values["value.converter"]);
        Assert.Equal("http://schema-registry:8081", effective.Values["value.converter.schema.registry.url"]);
        Assert.False(effective.Values.ContainsKey("value.converter.schemas.enable"));
        Assert.Equal(["schema.registry.url"], effective.ValueConverter.Config.Keys.ToArray());
        Assert.Equal(ConfigOrigin.Worker, effective.KeyConverter!.Origin);
        Assert.Equal("true", effective.Values["key.converter.schemas.enable"]);
    }

    [Fact]
    public void ConnectorSubKeysWithoutTheirConverter_AreIgnoredWithAWarning()
    {
        var connector = Connector(("value.converter.schemas.enable", "false"));

        var effective = ConnectorConfigMerger.Merge(connector, _worker);

        Assert.Equal("true", effective.Values["value.converter.schemas.enable"]);
        var warning = Assert.Single(effective.Warnings);
        Assert.Equal("value.converter.schemas.enable", warning.Key);
        Assert.Contains("does not set \"value.converter\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorKeysWin_AndWorkerOnlyKeysAreNotCopied()
    {
        var effective = ConnectorConfigMerger.Merge(Connector(("errors.tolerance", "none")), _worker);

        Assert.Equal("none", effective.Values["errors.tolerance"]);
        Assert.Equal("lz4", effective.Values["producer.compression.type"]);
        Assert.Equal("kafka:9092", effective.BootstrapServers);
        Assert.False(effective.Values.ContainsKey("group.id"));
        Assert.False(effective.Values.ContainsKey("offset.storage.topic"));
        Assert.False(effective.Values.ContainsKey("config.providers"));
        Assert.Equal("c", effective.Values["name"]);
    }

    [Fact]
    public void HeaderConverter_DefaultsToSimpleHeaderConverter()
    {
        var effective = ConnectorConfigMerger.Merge(Connector(), _worker);

        Assert.Equal("org.apache.kafka.connect.storage.SimpleHeaderConverter", effective.HeaderConverter.ClassName);
        Assert.Equal(ConfigOrigin.Default, effective.HeaderConverter.Origin);
    }

    [Fact]
    public void WorkerWithoutConverters_LeavesThemUnset()
    {
        var effective = ConnectorConfigMerger.Merge(Connector(), WorkerConfig.FromValues([new("bootstrap.servers", "k:1")]));

        Assert.Null(effective.KeyConverter);
        Assert.Null(effective.ValueConverter);
        Assert.False(effective.Values.ContainsKey("key.converter"));
    }

    [Fact]
    public void NoWorker_UsesStrimziDefaultsAndTheEnvironment()
    {
        var environment = new DictionaryEnvironmentVariables([new("KAFKA_BOOTSTRAP_SERVERS", "env:9092")]);

        var effective = ConnectorConfigMerger.Merge(Connector(), null, environment);

        Assert.Equal("env:9092", effective.BootstrapServers);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", effective.ValueConverter!.ClassName);
        Assert.Empty(effective.ValueConverter.Config);
    }

    [Fact]
    public void SeedPostgresOnSeedWorker_UsesAvroWithoutJsonSchemasEnable()
    {
        var loader = new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty);
        var worker = Assert.Single(loader.LoadFile(TestPaths.Seed("kafka-connect.yaml")).Workers);
        var connector = Assert.Single(loader.LoadFile(TestPaths.Seed("postgres-source.yaml")).Connectors);

        var effective = ConnectorConfigMerger.Merge(connector, worker);

        Assert.Equal("io.confluent.connect.avro.AvroConverter", effective.ValueConverter!.ClassName);
        Assert.Equal("io.confluent.connect.avro.AvroConverter", effective.KeyConverter!.ClassName);
        Assert.False(effective.Values.ContainsKey("value.converter.schemas.enable"));
        Assert.False(effective.Values.ContainsKey("key.converter.schemas.enable"));
        Assert.Equal("my-cluster-kafka-bootstrap:9092", effective.BootstrapServers);
        Assert.Empty(effective.Warnings);
    }

    [Fact]
    public void ResolveConverter_ForOneSlot()
    {
        var settings = ConnectorConfigMerger.ResolveConverter("key.converter", Connector(), _worker);

        Assert.Equal(ConfigOrigin.Worker, settings!.Origin);
        Assert.Equal("true", settings.Config["schemas.enable"]);
    }
}
