using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class LoaderEdgeCaseTests
{
    private static readonly ConnectConfigLoader _loader = new(DictionaryEnvironmentVariables.Empty);

    [Fact]
    public void DuplicateKeyInSpecConfig_LastWinsAndTheWarningNamesBothLines()
    {
        var connector = Assert.Single(_loader.LoadText("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec:
              class: A
              config:
                topics: first
                other: 1
                topics: second
            """, ConfigFormat.Auto, "dup.yaml").Connectors);

        Assert.Equal("second", connector["topics"]);
        var warning = Assert.Single(connector.Warnings);
        Assert.Equal("dup.yaml:9: topics: duplicate key (also on line 7); the last value is used", warning.ToString());
    }

    [Fact]
    public void StringTasksMax_IsAcceptedWithAWarning_AndNonNumericIsAnError()
    {
        var connector = Assert.Single(_loader.LoadText("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec: { class: A, tasksMax: "2" }
            """, ConfigFormat.Yaml).Connectors);
        Assert.Equal(2, connector.TasksMax);
        Assert.Contains(connector.Warnings, w => w.Key == "spec.tasksMax");

        var error = Assert.Throws<ConfigLoadException>(() => _loader.LoadText("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec: { class: A, tasksMax: many }
            """, ConfigFormat.Yaml));
        Assert.Equal("spec.tasksMax", Assert.Single(error.Problems).Key);
    }

    [Fact]
    public void Load_AcceptsAFileOrADirectory()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("one.yaml", "name: one\nconnector.class: A\n");

        Assert.Equal("one", Assert.Single(_loader.Load(file).Connectors).Name);
        Assert.Equal("one", Assert.Single(_loader.Load(directory.Path).Connectors).Name);
        Assert.Throws<ConfigLoadException>(() => _loader.LoadDirectory(directory.PathOf("missing")));
    }

    [Fact]
    public void UnrecognisedDocument_IsAnError()
    {
        var error = Assert.Throws<ConfigLoadException>(() => _loader.LoadText("foo: bar\n", ConfigFormat.Yaml, "x.yaml"));

        Assert.Contains("not a KafkaConnector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_LoadsNothing()
    {
        var result = _loader.LoadText("# only a comment\n---\n", ConfigFormat.Yaml);

        Assert.Empty(result.Connectors);
        Assert.Empty(result.Workers);
    }

    [Fact]
    public void Fragment_FromResourceSpecConfigOrProperties()
    {
        var fromResource = _loader.LoadConfigFragmentText("spec:\n  config:\n    a: 1\n", ConfigFormat.Yaml);
        var fromProperties = _loader.LoadConfigFragmentText("a=1\nb : 2", ConfigFormat.Properties);
        var fromJson = _loader.LoadConfigFragmentText("""{"config":{"a":true}}""", ConfigFormat.Auto);

        Assert.Equal("1", fromResource.Values["a"]);
        Assert.Equal("2", fromProperties.Values["b"]);
        Assert.Equal("true", fromJson.Values["a"]);
        Assert.Throws<ConfigLoadException>(() => _loader.LoadConfigFragmentText("- a\n- b\n", ConfigFormat.Yaml));
    }
}
