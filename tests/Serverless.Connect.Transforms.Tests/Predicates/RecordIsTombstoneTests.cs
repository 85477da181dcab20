using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Tests.Predicates;

public sealed class RecordIsTombstoneTests
{
    private readonly RecordIsTombstone _predicate = Configured();

    [Fact]
    public void Test_NullValue_IsTombstone() =>
        Assert.True(_predicate.Test(new ConnectRecord("t", 0, Schema.StringSchema, "key", null, null)));

    [Fact]
    public void Test_NullValueWithSchema_IsTombstone() =>
        Assert.True(_predicate.Test(new ConnectRecord("t", 0, null, null, Schema.OptionalStringSchema, null)));

    [Theory]
    [InlineData("")]
    [InlineData("value")]
    public void Test_AnyValue_IsNotTombstone(string value) =>
        Assert.False(_predicate.Test(new ConnectRecord("t", 0, null, null, Schema.StringSchema, value)));

    [Fact]
    public void Test_NullKeyWithValue_IsNotTombstone() =>
        Assert.False(_predicate.Test(new ConnectRecord("t", 0, null, null, null, ConnectMap.Empty)));

    [Fact]
    public void ConfigDef_DefinesNothing() => Assert.Empty(RecordIsTombstone.ConfigDef.Keys);

    private static RecordIsTombstone Configured()
    {
        var predicate = new RecordIsTombstone();
        predicate.Configure(new Dictionary<string, string>());
        return predicate;
    }
}
