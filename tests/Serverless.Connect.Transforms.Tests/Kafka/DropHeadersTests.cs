using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Kafka;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class DropHeadersTests
{
    [Fact]
    public void Apply_DropsAllHeadersWithListedNames()
    {
        var headers = ConnectHeaders.Empty.AddString("dropped", "a").AddString("kept", "b").AddString("dropped", "c").AddInt32("other", 1);
        var record = Record(headers);
        var result = Drop("dropped, other").Apply(record)!;
        Assert.Equal(record with { Headers = ConnectHeaders.Empty.AddString("kept", "b") }, result);
        Assert.Equal(4, record.Headers.Count);
    }

    [Fact]
    public void Apply_NoMatchingHeader_KeepsRecord()
    {
        var record = Record(ConnectHeaders.Empty.AddString("kept", "b"));
        Assert.Equal(record, Drop("missing").Apply(record));
    }

    [Fact]
    public void Apply_NamesAreCaseSensitive()
    {
        var record = Record(ConnectHeaders.Empty.AddString("Dropped", "b"));
        Assert.Single(Drop("dropped").Apply(record)!.Headers);
    }

    [Fact]
    public void Configure_EmptyList_ReportsEmptyList()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Drop(""));
        Assert.Equal("Invalid value [] for configuration headers: Empty list", e.Message);
    }

    [Fact]
    public void Configure_Missing_ReportsMissingRequiredConfiguration()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => new DropHeaders().Configure(new Dictionary<string, string>()));
        Assert.Equal("Missing required configuration \"headers\" which has no default value.", e.Message);
    }

    private static DropHeaders Drop(string headers)
    {
        var transform = new DropHeaders();
        transform.Configure(new Dictionary<string, string> { ["headers"] = headers });
        return transform;
    }

    private static ConnectRecord Record(ConnectHeaders headers) =>
        new("topic", 0, Schema.StringSchema, "key", Schema.StringSchema, "value", 0, headers);
}
