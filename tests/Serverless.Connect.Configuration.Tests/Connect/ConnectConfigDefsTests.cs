using Serverless.Connect.Configuration.Connect;

namespace Serverless.Connect.Configuration.Tests.Connect;

public sealed class ConnectConfigDefsTests
{
    private static readonly Dictionary<string, string> _minimal = new() { ["name"] = "c", ["connector.class"] = "A", ["topics"] = "t" };

    [Fact]
    public void CommonDefaults_MatchConnect()
    {
        var config = ConnectConfigDefs.CreateSink().Parse(_minimal);
        var errors = ErrorHandlingConfig.From(config);

        Assert.Equal(1, config.GetInt("tasks.max"));
        Assert.Empty(config.GetList("transforms")!);
        Assert.Empty(config.GetList("predicates")!);
        Assert.Null(config.GetClass("key.converter"));
        Assert.Null(config.GetClass("header.converter"));
        Assert.Equal("restart", config.GetString("config.action.reload"));
        Assert.Equal(new ErrorHandlingConfig(0, 60000, ToleranceType.None, false, false, null, 3, false), errors);
    }

    [Fact]
    public void ErrorSettings_AreTyped()
    {
        var values = new Dictionary<string, string>(_minimal)
        {
            ["errors.tolerance"] = "all",
            ["errors.retry.timeout"] = "300000",
            ["errors.retry.delay.max.ms"] = "1000",
            ["errors.log.enable"] = "true",
            ["errors.log.include.messages"] = "TRUE",
            ["errors.deadletterqueue.topic.name"] = "dlq",
            ["errors.deadletterqueue.topic.replication.factor"] = "1",
            ["errors.deadletterqueue.context.headers.enable"] = "true",
        };

        var errors = ErrorHandlingConfig.From(ConnectConfigDefs.CreateSink().Parse(values));

        Assert.Equal(new ErrorHandlingConfig(300000, 1000, ToleranceType.All, true, true, "dlq", 1, true), errors);
    }

    [Fact]
    public void SourceDefinition_HasNoDeadLetterQueue()
    {
        var errors = ErrorHandlingConfig.From(ConnectConfigDefs.CreateSource().Parse(_minimal));

        Assert.Null(errors.DeadLetterQueueTopic);
        Assert.False(ConnectConfigDefs.CreateSource().Keys.ContainsKey("errors.deadletterqueue.topic.name"));
        Assert.Equal("requested", ConnectConfigDefs.CreateSource().Parse(_minimal).GetString("exactly.once.support"));
    }

    [Theory]
    [InlineData("errors.tolerance", "ALL", "errors.tolerance: Invalid value ALL for configuration errors.tolerance: String must be one of: none, all")]
    [InlineData("tasks.max", "0", "tasks.max: Invalid value 0 for configuration tasks.max: Value must be at least 1")]
    [InlineData("tasks.max", "many", "tasks.max: Invalid value many for configuration tasks.max: Not a number of type INT")]
    [InlineData("errors.retry.timeout", "5m", "errors.retry.timeout: Invalid value 5m for configuration errors.retry.timeout: Not a number of type LONG")]
    [InlineData("errors.log.enable", "yes", "errors.log.enable: Invalid value yes for configuration errors.log.enable: Expected value to be either true or false")]
    [InlineData("transforms", "a,a", "transforms: Invalid value [a, a] for configuration transforms: Duplicate alias provided.")]
    [InlineData("name", "", "name: Invalid value  for configuration name: String may not be empty")]
    [InlineData("errors.deadletterqueue.topic.replication.factor", "70000", "errors.deadletterqueue.topic.replication.factor: Invalid value 70000 for configuration errors.deadletterqueue.topic.replication.factor: Not a number of type SHORT")]
    [InlineData("topics.regex", "(unclosed", "topics.regex: Invalid value (unclosed for configuration topics.regex: Invalid regex: ")]
    public void InvalidValues_ReportKafkasMessages(string key, string value, string expectedStart)
    {
        var values = new Dictionary<string, string>(_minimal) { [key] = value };

        var result = ConnectConfigDefs.CreateSink().Validate(values);

        Assert.StartsWith(expectedStart, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingNameAndClass_AreRequired()
    {
        var result = ConnectConfigDefs.CreateCommon().Validate(new Dictionary<string, string>());

        Assert.Equal(
            [
                "name: Missing required configuration \"name\" which has no default value.",
                "connector.class: Missing required configuration \"connector.class\" which has no default value.",
            ],
            result.ToString().Split(Environment.NewLine));
    }
}
