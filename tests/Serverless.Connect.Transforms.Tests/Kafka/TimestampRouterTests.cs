using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class TimestampRouterTests
{
    [Fact]
    public void Apply_DefaultConfiguration_AppendsUtcDate()
    {
        var router = Router(new Dictionary<string, string>());
        Assert.Equal("test-20170103", router.Apply(Record("test", 1483425001864L))!.Topic);
    }

    [Fact]
    public void Apply_FormatsInUtcNotLocalTime()
    {
        // 2017-01-03T23:30:00Z is already January 4th east of UTC.
        var router = Router(new Dictionary<string, string>());
        Assert.Equal("test-20170103", router.Apply(Record("test", 1483486200000L))!.Topic);
    }

    [Theory]
    [InlineData("${timestamp}.${topic}", "yyyy-MM-dd", "logs", "2017-01-03.logs")]
    [InlineData("${topic}_${timestamp}", "yyyyMMdd'T'HHmmss.SSS", "logs", "logs_20170103T063001.864")]
    [InlineData("idx-${topic}-${topic}", "yyyy", "a", "idx-a-a")]
    [InlineData("${topic}-${timestamp}", "YYYY-'W'ww", "logs", "logs-2017-W01")]
    [InlineData("static", "yyyy", "logs", "static")]
    public void Apply_CustomFormats(string topicFormat, string timestampFormat, string topic, string expected)
    {
        var router = Router(new Dictionary<string, string> { ["topic.format"] = topicFormat, ["timestamp.format"] = timestampFormat });
        Assert.Equal(expected, router.Apply(Record(topic, 1483425001864L))!.Topic);
    }

    [Fact]
    public void Apply_TopicContainingPlaceholderText_IsInsertedLiterally()
    {
        // ${topic} is replaced first, so a topic that spells "${timestamp}" is expanded too (as in Kafka).
        var router = Router(new Dictionary<string, string>());
        Assert.Equal("$1-20170103-20170103", router.Apply(Record("$1-${timestamp}", 1483425001864L))!.Topic);
    }

    [Fact]
    public void Apply_WithoutTimestamp_ThrowsDataExceptionNamingTheRecord()
    {
        var record = new ConnectRecord("test", 0, null, null, null, "v");
        var e = Assert.Throws<DataException>(() => Router(new Dictionary<string, string>()).Apply(record));
        Assert.Equal("Timestamp missing on record: " + record, e.Message);
    }

    [Fact]
    public void Apply_KeepsEverythingButTheTopic()
    {
        var record = new ConnectRecord("t", 1, Schema.StringSchema, "k", Schema.StringSchema, "v", 0, ConnectHeaders.Empty.AddString("h", "x"));
        Assert.Equal(record with { Topic = "t-19700101" }, Router(new Dictionary<string, string>()).Apply(record));
    }

    [Fact]
    public void Configure_InvalidTimestampFormat_FailsEarly()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Router(new Dictionary<string, string> { ["timestamp.format"] = "yyyyq" }));
        Assert.Equal("timestamp.format", e.Key);
    }

    [Fact]
    public void ConfigDef_HasKafkasDefaults()
    {
        var keys = TimestampRouter.ConfigDef.Keys;
        Assert.Equal("${topic}-${timestamp}", keys["topic.format"].DefaultValue);
        Assert.Equal("yyyyMMdd", keys["timestamp.format"].DefaultValue);
    }

    private static TimestampRouter Router(Dictionary<string, string> config)
    {
        var router = new TimestampRouter();
        router.Configure(config);
        return router;
    }

    private static ConnectRecord Record(string topic, long timestamp) => new(topic, 0, null, null, null, null, timestamp);
}
