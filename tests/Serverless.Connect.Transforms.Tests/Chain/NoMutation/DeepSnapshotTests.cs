using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Tests.Chain.NoMutation;

/// <summary>The property is only as good as the snapshot: in-place writes to any mutable container must change it.</summary>
public sealed class DeepSnapshotTests
{
    [Fact]
    public void Of_DetectsWritesIntoListsMapsBytesAndNestedStructs()
    {
        var tags = new List<object?> { "a" };
        var bytes = new byte[] { 1, 2 };
        var attributes = new Dictionary<object, object?> { ["k"] = "v" };
        var schema = SchemaBuilder.Struct()
            .Field("tags", SchemaBuilder.Array(Schema.StringSchema).Build())
            .Field("blob", Schema.BytesSchema)
            .Field("attrs", SchemaBuilder.Map(Schema.StringSchema, Schema.StringSchema).Build())
            .Build();
        var headerList = new List<object?> { 1L };
        var record = new ConnectRecord("t", 0, null, null, schema,
            new StructBuilder(schema).Put("tags", tags).Put("blob", bytes).Put("attrs", attributes).Build(),
            headers: ConnectHeaders.Empty.Add("h", null, headerList));

        var writes = new Action[] { () => tags.Add("b"), () => bytes[0] = 9, () => attributes["k"] = "w", () => headerList[0] = 2L };
        foreach (var write in writes)
        {
            var before = DeepSnapshot.Of(record);
            write();
            Assert.NotEqual(before, DeepSnapshot.Of(record));
        }
    }

    [Fact]
    public void Of_DistinguishesValueTypesThatCompareEqual()
    {
        var asInt = new ConnectRecord("t", 0, null, null, null, 1);
        var asLong = new ConnectRecord("t", 0, null, null, null, 1L);
        Assert.NotEqual(DeepSnapshot.Of(asInt), DeepSnapshot.Of(asLong));
    }

    [Fact]
    public void RandomRecords_AreValidAndReproducible()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var record = new RandomRecords(new Random(seed)).Next();
            Assert.Equal(DeepSnapshot.Of(record), DeepSnapshot.Of(new RandomRecords(new Random(seed)).Next()));
            if (record.ValueSchema is not null)
            {
                Schema.ValidateValue("value", record.ValueSchema, record.Value);
            }
        }
    }
}
