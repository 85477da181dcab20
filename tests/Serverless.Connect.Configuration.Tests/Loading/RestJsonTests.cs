using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class RestJsonTests
{
    private static readonly ConnectConfigLoader _loader = new(DictionaryEnvironmentVariables.Empty);

    private static ConfigLoadResult Load(string json, string source = "connector.json") => _loader.LoadText(json, ConfigFormat.Json, source);

    [Fact]
    public void PostBody_LoadsNameIntoConfigAndStringifiesScalars()
    {
        var connector = Assert.Single(Load("""
            {
              "name": "es-sink",
              "config": {
                "connector.class": "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
                "tasks.max": 2,
                "topics": "orders",
                "key.ignore": true,
                "batch.size": 2000,
                "ratio": 1.0,
                "exp": 1e3
              }
            }
            """).Connectors);

        Assert.Equal("es-sink", connector.Name);
        Assert.Equal(ConfigSourceKind.ConnectRest, connector.SourceKind);
        Assert.Equal("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", connector.ConnectorClass);
        Assert.Equal(2, connector.TasksMax);
        Assert.Equal("es-sink", connector["name"]);
        Assert.Equal("2", connector["tasks.max"]);
        Assert.Equal("true", connector["key.ignore"]);
        Assert.Equal("2000", connector["batch.size"]);
        Assert.Equal("1.0", connector["ratio"]);
        Assert.Equal("1e3", connector["exp"]);
        Assert.Equal("name", connector.Values.Keys.First());
    }

    [Fact]
    public void BareConfigMap_TakesTheNameFromInsideTheConfig()
    {
        var connector = Assert.Single(Load("""
            {"name": "pg", "connector.class": "io.debezium.connector.postgresql.PostgresConnector", "database.port": "5432"}
            """).Connectors);

        Assert.Equal("pg", connector.Name);
        Assert.Equal("5432", connector["database.port"]);
        Assert.Null(connector.TasksMax);
    }

    [Fact]
    public void BareConfigMapWithoutName_UsesTheFileNameWithAWarning()
    {
        var connector = Assert.Single(Load("""{"connector.class": "A"}""", "/tmp/my-sink.json").Connectors);

        Assert.Equal("my-sink", connector.Name);
        Assert.Contains(connector.Warnings, w => w.Key == "name");
    }

    [Fact]
    public void MismatchedNames_AreRejectedLikeConnect()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""{"name": "a", "config": {"name": "b", "connector.class": "X"}}"""));

        Assert.Contains("Connector name configuration (b) doesn't match connector name in the request (a)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConnectorClass_IsAnError()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""{"name": "a", "config": {"topics": "t"}}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("connector.class", problem.Key);
        Assert.Equal("Missing required configuration \"connector.class\" which has no default value.", problem.Message);
    }

    [Fact]
    public void GetConnectorResponse_IsAccepted()
    {
        var connector = Assert.Single(Load("""
            {"name":"x","config":{"connector.class":"A","name":"x"},"tasks":[{"connector":"x","task":0}],"type":"sink"}
            """).Connectors);

        Assert.Equal("x", connector.Name);
        Assert.Equal(2, connector.Values.Count);
    }

    [Fact]
    public void InitialState_IsRead()
    {
        var connector = Assert.Single(Load("""{"name":"x","config":{"connector.class":"A"},"initial_state":"STOPPED"}""").Connectors);

        Assert.Equal(ConnectorState.Stopped, connector.State);
    }

    [Fact]
    public void ArrayOfBodies_LoadsEveryConnector()
    {
        var result = Load("""[{"name":"a","config":{"connector.class":"A"}},{"name":"b","connector.class":"B"}]""");

        Assert.Equal(["a", "b"], result.Connectors.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void NestedValuesAndNulls_AreReported()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""{"name":"a","config":{"connector.class":"A","topics":["x"],"gone":null}}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("topics", problem.Key);
        Assert.Contains("sequence", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullValue_IsDroppedWithAWarning()
    {
        var connector = Assert.Single(Load("""{"name":"a","config":{"connector.class":"A","gone":null}}""").Connectors);

        Assert.False(connector.Values.ContainsKey("gone"));
        Assert.Contains(connector.Warnings, w => w.Key == "gone");
    }

    [Fact]
    public void InvalidJson_ReportsTheLine()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("{\n\"name\": \"a\",\n\"config\": {\n}"));

        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
    }
}
