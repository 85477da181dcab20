using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Kafka;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class RegexRouterTests
{
    [Theory]
    [InlineData("foo", "bar", "foo", "bar")]
    [InlineData("foo", "bar", "orig", "orig")]
    [InlineData("(.*)", "$1", "orig", "orig")]
    [InlineData("(.*)", "prefix-$1", "orig", "prefix-orig")]
    [InlineData("(.*)", "$1-suffix", "orig", "orig-suffix")]
    [InlineData("(.*)-(\\d\\d\\d\\d\\d\\d\\d\\d)", "$1", "index-20160117", "index")]
    [InlineData("(?<db>[^.]+)\\.(?<table>.+)", "${table}_from_${db}", "inventory.orders", "orders_from_inventory")]
    [InlineData("(.*)\\.(.*)\\.(.*)", "$3", "dbserver1.inventory.customers", "customers")]
    [InlineData("(.*)", "cost\\$-$1", "eur", "cost$-eur")]
    public void Apply_MatchingTopic_IsRenamed(string regex, string replacement, string topic, string expected) =>
        Assert.Equal(expected, Router(regex, replacement).Apply(Record(topic))!.Topic);

    [Fact]
    public void Apply_PartialMatch_LeavesTopicUnchanged()
    {
        // matches() needs the whole topic; find() would have matched "orders".
        var record = Record("db.orders.v1");
        Assert.Same(record, Router("orders", "x").Apply(record));
    }

    [Fact]
    public void Apply_ReplacesFirstMatchAfterWholeMatch()
    {
        // Java's replaceFirst searches again: "a|ab" matches all of "ab", but the first find() is just "a".
        Assert.Equal("Xb", Router("a|ab", "X").Apply(Record("ab"))!.Topic);
    }

    [Fact]
    public void Apply_KeepsEverythingButTheTopic()
    {
        var headers = ConnectHeaders.Empty.AddString("h", "v");
        var record = new ConnectRecord("orig", 3, Schema.StringSchema, "k", Schema.Int32Schema, 5, 42, headers) { KafkaOffset = 7 };
        var routed = Router("(.*)", "prefix-$1").Apply(record)!;
        Assert.Equal(record with { Topic = "prefix-orig" }, routed);
    }

    [Fact]
    public void Apply_ReplacementNamingMissingGroup_FailsOnMatchingRecordOnly()
    {
        var router = Router("orders", "$1");
        Assert.Equal("other", router.Apply(Record("other"))!.Topic);
        Assert.ThrowsAny<ArgumentException>(() => router.Apply(Record("orders")));
    }

    [Fact]
    public void Configure_InvalidRegex_ReportsInvalidRegex()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Router("(", "x"));
        Assert.StartsWith("Invalid value ( for configuration regex: Invalid regex: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regex")]
    [InlineData("replacement")]
    public void Configure_MissingSetting_ReportsIt(string missing)
    {
        var config = new Dictionary<string, string> { ["regex"] = "(.*)", ["replacement"] = "$1" };
        config.Remove(missing);
        var e = Assert.ThrowsAny<ConfigException>(() => new RegexRouter().Configure(config));
        Assert.Equal($"Missing required configuration \"{missing}\" which has no default value.", e.Message);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys() => Assert.Equal(["regex", "replacement"], RegexRouter.ConfigDef.Keys.Keys);

    private static RegexRouter Router(string regex, string replacement)
    {
        var router = new RegexRouter();
        router.Configure(new Dictionary<string, string> { ["regex"] = regex, ["replacement"] = replacement });
        return router;
    }

    private static ConnectRecord Record(string topic) => new(topic, 0, null, null, null, null, 0) { KafkaOffset = 0 };
}
