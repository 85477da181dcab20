using System.Text;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class PropertiesLoadingTests
{
    private static readonly ConnectConfigLoader _loader = new(DictionaryEnvironmentVariables.Empty);

    [Fact]
    public void ConnectorProperties_Load()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("s3-sink.properties", """
            name=s3-sink
            connector.class=io.confluent.connect.s3.S3SinkConnector
            tasks.max=3
            topics=events
            flush.size=1000
            """);

        var connector = _loader.LoadConnectorProperties(path);

        Assert.Equal("s3-sink", connector.Name);
        Assert.Equal(3, connector.TasksMax);
        Assert.Equal("1000", connector["flush.size"]);
        Assert.Equal(ConfigSourceKind.JavaProperties, connector.SourceKind);
    }

    [Fact]
    public void ConnectorPropertiesWithoutName_UseTheFileName()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("orders-sink.properties", "connector.class=A\n");

        var connector = Assert.Single(_loader.LoadFile(path).Connectors);

        Assert.Equal("orders-sink", connector.Name);
        Assert.Equal("orders-sink", connector["name"]);
    }

    [Fact]
    public void DistributedWorkerProperties_Load()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("connect-distributed.properties", """
            bootstrap.servers=localhost:9092
            group.id=connect-cluster
            key.converter=org.apache.kafka.connect.json.JsonConverter
            value.converter=org.apache.kafka.connect.json.JsonConverter
            key.converter.schemas.enable=true
            value.converter.schemas.enable=false
            offset.storage.topic=connect-offsets
            offset.storage.replication.factor=1
            config.providers=file,env
            config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
            config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
            plugin.path=/usr/share/java
            """);

        var result = _loader.LoadFile(path);

        var worker = Assert.Single(result.Workers);
        Assert.Empty(result.Connectors);
        Assert.Equal("localhost:9092", worker.BootstrapServers);
        Assert.Equal("false", worker["value.converter.schemas.enable"]);
        Assert.Equal("file,env", worker["config.providers"]);
        Assert.Null(worker["status.storage.topic"]);
        Assert.Same(worker, result.FindWorker(ConnectorConfig.FromValues([new("name", "n"), new("connector.class", "A")])));
    }

    [Fact]
    public void UnclassifiableProperties_AreAnError()
    {
        var error = Assert.Throws<ConfigLoadException>(() => _loader.LoadText("foo=bar", ConfigFormat.Properties, "x.properties"));

        Assert.Contains("neither connector properties", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1File_IsReadWhenNotValidUtf8()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("latin1.properties");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("connector.class=A\nname=caf\u00e9\n"));

        var connector = Assert.Single(_loader.LoadFile(path).Connectors);

        Assert.Equal("café", connector.Name);
    }

    [Fact]
    public void MissingFile_IsAnError()
    {
        var error = Assert.Throws<ConfigLoadException>(() => _loader.LoadFile("/nonexistent/file.yaml"));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_MixesFormatsAndReportsErrorsFromEveryFile()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", """{"name":"a","config":{"connector.class":"A"}}""");
        directory.Write("b.properties", "name=b\nconnector.class=B\n");
        directory.Write("c.yml", "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata: {name: c}\nspec: {class: C}\n");
        var loaded = _loader.LoadDirectory(directory.Path);
        Assert.Equal(["a", "b", "c"], loaded.Connectors.Select(c => c.Name).ToArray());

        directory.Write("d.json", "{broken");
        directory.Write("e.yaml", "kind: KafkaConnector\n");
        var error = Assert.Throws<ConfigLoadException>(() => _loader.LoadDirectory(directory.Path));
        Assert.Contains(error.Problems, p => p.Message.Contains("d.json", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Location is not null && p.Location.Contains("e.yaml", StringComparison.Ordinal));
    }
}
