namespace Serverless.Connect.Configuration.Tests;

public sealed class ConnectorConfigTests
{
    [Fact]
    public void FromValues_RequiresNameAndClass()
    {
        var missingName = Assert.Throws<ConfigException>(() => ConnectorConfig.FromValues([new("connector.class", "A")]));
        Assert.Equal("name", missingName.Key);

        var missingClass = Assert.Throws<ConfigException>(() => ConnectorConfig.FromValues([new("name", "n")]));
        Assert.Equal("Missing required configuration \"connector.class\" which has no default value.", missingClass.Message);
    }

    [Fact]
    public void FromValues_ReadsTasksMaxAndKeepsOrder()
    {
        var connector = ConnectorConfig.FromValues([new("tasks.max", " 4 "), new("name", "n"), new("connector.class", " A ")]);

        Assert.Equal(4, connector.TasksMax);
        Assert.Equal("A", connector.ConnectorClass);
        Assert.Equal(["tasks.max", "name", "connector.class"], connector.Values.Keys.ToArray());
        Assert.Null(connector["missing"]);
        Assert.Null(ConnectorConfig.FromValues([new("tasks.max", "x"), new("name", "n"), new("connector.class", "A")]).TasksMax);
    }

    [Fact]
    public void ConfigProblem_FormatsLocationKeyAndMessage()
    {
        Assert.Equal("a.yaml:3: k: bad", new ConfigProblem("k", "bad", "a.yaml:3").ToString());
        Assert.Equal("k: bad", new ConfigProblem("k", "bad").ToString());
        Assert.Equal("bad", new ConfigProblem(null, "bad").ToString());
    }

    [Fact]
    public void ConfigException_FormatsInvalidValues()
    {
        var exception = new ConfigException("k", "v", "why");

        Assert.Equal("Invalid value v for configuration k: why", exception.Message);
        Assert.Equal("k", exception.Key);
        Assert.Equal("Invalid value null for configuration k", new ConfigException("k", null, null).Message);
    }
}
