using Serverless.Connect.Configuration.Plugins;

namespace Serverless.Connect.Configuration.Tests.Plugins;

public sealed class PluginRegistryTests
{
    [Theory]
    [InlineData("io.debezium.connector.postgresql.PostgresConnector")]
    [InlineData("PostgresConnector")]
    [InlineData("Postgres")]
    [InlineData(" Postgres ")]
    public void Connectors_AreFoundByClassOrConnectAlias(string name)
    {
        var plugin = SamplePlugins.Registry().Find(name, PluginKind.Source, PluginKind.Sink);

        Assert.Equal("io.debezium.connector.postgresql.PostgresConnector", plugin?.ClassName);
    }

    [Theory]
    [InlineData("JsonConverter", PluginKind.Converter)]
    [InlineData("Json", PluginKind.Converter)]
    [InlineData("SimpleHeaderConverter", PluginKind.HeaderConverter)]
    [InlineData("Simple", PluginKind.HeaderConverter)]
    [InlineData("RecordIsTombstone", PluginKind.Predicate)]
    public void Aliases_FollowConnectSuffixRules(string alias, PluginKind kind)
    {
        Assert.NotNull(SamplePlugins.Registry().Find(alias, kind));
    }

    [Fact]
    public void SharedSimpleNames_AreAmbiguous()
    {
        var registry = SamplePlugins.Registry();

        Assert.Null(registry.Find("Value", PluginKind.Transformation));
        Assert.NotNull(registry.Find("org.apache.kafka.connect.transforms.ExtractField$Value", PluginKind.Transformation));
    }

    [Fact]
    public void ExplicitAliases_AndKinds_AreRespected()
    {
        var registry = new PluginRegistry().Register(new PluginDescriptor("org.example.MySink", PluginKind.Sink) { Aliases = ["my-sink"] });

        Assert.NotNull(registry.Find("my-sink", PluginKind.Sink));
        Assert.Null(registry.Find("my-sink", PluginKind.Source));
        Assert.Equal(["MySink"], PluginRegistry.AutomaticAliases("org.example.MySink", PluginKind.Transformation));
        Assert.Equal(["FileStreamSinkConnector", "FileStreamSink"], PluginRegistry.AutomaticAliases("org.apache.kafka.connect.file.FileStreamSinkConnector", PluginKind.Sink));
    }

    [Fact]
    public void Register_ReplacesTheSameClassAndKind()
    {
        var registry = new PluginRegistry()
            .Register(new PluginDescriptor("org.example.A", PluginKind.Sink) { Version = "1" })
            .Register(new PluginDescriptor("org.example.A", PluginKind.Sink) { Version = "2" });

        Assert.Equal("2", Assert.Single(registry.Plugins).Version);
    }
}
