using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class SeedYamlTests
{
    private static readonly DictionaryEnvironmentVariables _noEnvironment = DictionaryEnvironmentVariables.Empty;

    [Fact]
    public void PostgresSource_LoadsNameClassTasksAndStringifiedConfig()
    {
        var result = new ConnectConfigLoader(_noEnvironment).LoadFile(TestPaths.Seed("postgres-source.yaml"));

        var connector = Assert.Single(result.Connectors);
        Assert.Equal("postgres-source", connector.Name);
        Assert.Equal("io.debezium.connector.postgresql.PostgresConnector", connector.ConnectorClass);
        Assert.Equal(1, connector.TasksMax);
        Assert.Equal("my-connect", connector.ClusterName);
        Assert.Equal("5432", connector["database.port"]);
        Assert.Equal("${secrets:postgres:password}", connector["database.password"]);
        Assert.Equal("true", connector["transforms.unwrap.drop.tombstones"]);
        Assert.Equal("initial", connector["snapshot.mode"]);
        Assert.Equal("public.orders,public.customers", connector["table.include.list"]);
        Assert.Equal(["name", "connector.class", "tasks.max", "database.hostname"], connector.Values.Keys.Take(4));
    }
}
