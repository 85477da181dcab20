using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Kafka;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class InsertHeaderTests
{
    [Fact]
    public void Apply_AddsHeaderAfterExistingOnes()
    {
        var record = Record(ConnectHeaders.Empty.AddString("existing", "existing-value"));
        var result = Insert("inserted", "inserted-value").Apply(record)!;
        Assert.Equal(record with { Headers = record.Headers.AddString("inserted", "inserted-value") }, result);
    }

    [Fact]
    public void Apply_ExistingSameHeader_AddsAnother()
    {
        var record = Record(ConnectHeaders.Empty.AddString("existing", "preexisting-value"));
        var result = Insert("existing", "inserted-value").Apply(record)!;
        Assert.Equal(record.Headers.AddString("existing", "inserted-value"), result.Headers);
        Assert.Single(record.Headers);
    }

    [Fact]
    public void Apply_NumericLiteral_IsTyped()
    {
        var header = Insert("inserted", "1").Apply(Record(ConnectHeaders.Empty))!.Headers.Single();
        Assert.Equal(new ConnectHeader("inserted", Schema.Int8Schema, (sbyte)1), header);
    }

    [Theory]
    [InlineData("best-app-ever")]
    [InlineData("12:34")]
    [InlineData("")]
    public void Apply_ConfluentDocumentedExamples(string literal)
    {
        var header = Insert("app.id", literal).Apply(Record(ConnectHeaders.Empty))!.Headers.Single();
        Assert.Equal("app.id", header.Key);
        Assert.NotNull(header.Schema);
    }

    [Fact]
    public void Configure_LiteralsAreParsedLikeValuesParseString()
    {
        Assert.Equal(new ConnectHeader("h", Schema.Int16Schema, (short)1234), HeaderFor("1234"));
        Assert.Equal(new ConnectHeader("h", Schema.BooleanSchema, true), HeaderFor("true"));
        Assert.Equal(new ConnectHeader("h", null, null), HeaderFor("null"));
        Assert.Equal(new ConnectHeader("h", SchemaBuilder.Array(Schema.Int8Schema).Build(), new object[] { (sbyte)-3, (sbyte)0, (sbyte)5 }), HeaderFor("[-3, 0, 5]"));
        var map = HeaderFor("{3.4: 4761, -5.9: -9753186420}");
        Assert.Equal(SchemaBuilder.Map(Schema.Float32Schema, Schema.Int64Schema).Build(), map.Schema);
        Assert.Equal(ConnectMap.Create([new(3.4f, 4761L), new(-5.9f, -9753186420L)]), map.Value);
    }

    [Fact]
    public void Configure_LiteralIsTrimmedLikeEveryStringSetting() =>
        Assert.Equal(new ConnectHeader("h", Schema.StringSchema, "a b"), HeaderFor("  a b  "));

    [Fact]
    public void Configure_MissingHeader_Throws()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => new InsertHeader().Configure(new Dictionary<string, string> { ["value.literal"] = "1" }));
        Assert.Equal("Missing required configuration \"header\" which has no default value.", e.Message);
    }

    [Fact]
    public void Configure_MissingValue_Throws()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => new InsertHeader().Configure(new Dictionary<string, string> { ["header"] = "h" }));
        Assert.Equal("Missing required configuration \"value.literal\" which has no default value.", e.Message);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys() => Assert.Equal(["header", "value.literal"], InsertHeader.ConfigDef.Keys.Keys);

    private static ConnectHeader HeaderFor(string literal) => Insert("h", literal).Apply(Record(ConnectHeaders.Empty))!.Headers.Single();

    private static InsertHeader Insert(string header, string literal)
    {
        var transform = new InsertHeader();
        transform.Configure(new Dictionary<string, string> { ["header"] = header, ["value.literal"] = literal });
        return transform;
    }

    private static ConnectRecord Record(ConnectHeaders headers) => new("topic", 0, null, "key", null, "value", 0, headers);
}
