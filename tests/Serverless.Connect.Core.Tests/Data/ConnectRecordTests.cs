using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class ConnectRecordTests
{
    [Fact]
    public void Constructor_SetsTimestampTypeAndEmptyHeaders()
    {
        var withTimestamp = new ConnectRecord("t", 0, null, "k", null, "v", 123);
        var without = new ConnectRecord("t", null, null, null, null, null);

        Assert.Equal(TimestampType.CreateTime, withTimestamp.TimestampType);
        Assert.Equal(TimestampType.NoTimestampType, without.TimestampType);
        Assert.Same(ConnectHeaders.Empty, without.Headers);
        Assert.Equal(-1, without.KafkaOffset);
        Assert.True(without.IsTombstone);
    }

    [Fact]
    public void NewRecord_KeepsOffsetTimestampTypeAndHeaders()
    {
        var headers = ConnectHeaders.Empty.AddString("h", "v");
        var original = new ConnectRecord("t", 1, Schema.StringSchema, "k", Schema.Int32Schema, 1, 5, headers)
        {
            KafkaOffset = 42,
            TimestampType = TimestampType.LogAppendTime,
        };

        var copy = original.NewRecord("t2", 2, null, null, Schema.StringSchema, "v", 6);

        Assert.Equal("t2", copy.Topic);
        Assert.Equal(2, copy.KafkaPartition);
        Assert.Equal(42, copy.KafkaOffset);
        Assert.Equal(TimestampType.LogAppendTime, copy.TimestampType);
        Assert.Same(headers, copy.Headers);
        Assert.Equal("v", copy.Value);
        Assert.Equal("t", original.Topic);

        var withHeaders = original.NewRecord("t", 1, null, null, null, null, null, ConnectHeaders.Empty);
        Assert.Empty(withHeaders.Headers);
    }

    [Fact]
    public void With_CreatesModifiedCopy()
    {
        var original = new ConnectRecord("t", 0, null, null, Schema.StringSchema, "a");
        var copy = original with { Value = "b" };

        Assert.Equal("a", original.Value);
        Assert.Equal("b", copy.Value);
    }

    [Fact]
    public void Equality_ComparesValuesDeeply()
    {
        var left = new ConnectRecord("t", 0, null, new byte[] { 1 }, null, new List<object?> { 1L }, 1, ConnectHeaders.Empty.AddString("a", "b"));
        var right = new ConnectRecord("t", 0, null, new byte[] { 1 }, null, new List<object?> { 1L }, 1, ConnectHeaders.Empty.AddString("a", "b"));

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, right with { KafkaOffset = 3 });
    }

    [Fact]
    public void SchemaAndValue_EqualityIsDeep()
    {
        Assert.Equal(new SchemaAndValue(Schema.BytesSchema, new byte[] { 1 }), new SchemaAndValue(Schema.BytesSchema, new byte[] { 1 }));
        Assert.Equal(SchemaAndValue.Null, new SchemaAndValue(null, null));
        Assert.NotEqual(SchemaAndValue.Null, new SchemaAndValue(Schema.OptionalStringSchema, null));
    }
}
