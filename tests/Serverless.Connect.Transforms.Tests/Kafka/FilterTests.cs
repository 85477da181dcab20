using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Kafka;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class FilterTests
{
    [Fact]
    public void Apply_DropsEveryRecord()
    {
        var filter = new Filter();
        filter.Configure(new Dictionary<string, string> { ["type"] = Filter.ClassName });
        Assert.Null(filter.Apply(new ConnectRecord("t", 0, null, null, Schema.StringSchema, "v")));
        Assert.Null(filter.Apply(new ConnectRecord("t", 0, null, null, null, null)));
    }

    [Fact]
    public void ConfigDef_DefinesNothing() => Assert.Empty(Filter.ConfigDef.Keys);
}
