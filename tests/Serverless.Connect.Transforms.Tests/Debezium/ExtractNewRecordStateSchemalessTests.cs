using Serverless.Connect.Data;
using static Serverless.Connect.Transforms.Tests.Debezium.ExtractNewRecordStateDeleteHandlingTests;

namespace Serverless.Connect.Transforms.Tests.Debezium;

public sealed class ExtractNewRecordStateSchemalessTests
{
    [Fact]
    public void SchemalessEnvelope_PassesThroughByDefault_LikeDebezium()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "rewrite"));
        var record = Schemaless("c", before: null, after: Row(1, "paid"));

        Assert.Same(record, sut.Apply(record));
    }

    [Fact]
    public void SchemalessEnvelope_IsFlattened_WhenUnwrapIsEnabled()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "rewrite"), ("schemaless.envelopes", "unwrap"), ("add.fields", "op,source.lsn"),
            ("add.headers", "op"), ("route.by.field", "status"));

        var created = sut.Apply(Schemaless("c", null, Row(1, "paid")))!;
        var deleted = sut.Apply(Schemaless("d", Row(2, "gone"), null))!;

        Assert.Null(created.ValueSchema);
        var value = Assert.IsAssignableFrom<IReadOnlyDictionary<object, object?>>(created.Value);
        Assert.Equal(1L, value["id"]);
        Assert.Equal("false", value["__deleted"]);
        Assert.Equal("c", value["__op"]);
        Assert.Equal(24023128L, value["__source_lsn"]);
        Assert.Equal("paid", created.Topic);
        Assert.Equal("c", created.Headers.LastWithName("__op")!.Value);
        var deletedValue = (IReadOnlyDictionary<object, object?>)deleted.Value!;
        Assert.Equal("true", deletedValue["__deleted"]);
        Assert.Equal("gone", deleted.Topic);
    }

    [Fact]
    public void SchemalessDelete_InTombstoneMode_HasNullValue_AndDropModeDrops()
    {
        using var tombstone = Configure(("delete.tombstone.handling.mode", "tombstone"), ("schemaless.envelopes", "unwrap"));
        using var drop = Configure(("delete.tombstone.handling.mode", "drop"), ("schemaless.envelopes", "unwrap"));

        Assert.Null(tombstone.Apply(Schemaless("d", Row(2, "x"), null))!.Value);
        Assert.Null(drop.Apply(Schemaless("d", Row(2, "x"), null)));
        Assert.Null(drop.Apply(new ConnectRecord("t", 0, null, "k", null, null)));
    }

    [Fact]
    public void SchemalessNonEnvelopeMap_PassesThrough()
    {
        using var sut = Configure(("schemaless.envelopes", "unwrap"));
        var record = new ConnectRecord("t", 0, null, null, null, Map(("id", 1L), ("name", "x")));

        Assert.Same(record, sut.Apply(record));
    }

    private static ConnectRecord Schemaless(string op, ConnectMap? before, ConnectMap? after) =>
        new("cdc.orders.public.orders", 0, null, Map(("id", 1L)), null, Map(
            ("before", before), ("after", after),
            ("source", Map(("connector", "postgresql"), ("table", "orders"), ("lsn", 24023128L))),
            ("op", op), ("ts_ms", 1L)));

    private static ConnectMap Row(long id, string status) => Map(("id", id), ("status", status));

    private static ConnectMap Map(params (string Key, object? Value)[] entries) =>
        ConnectMap.Create(entries.Select(e => new KeyValuePair<object, object?>(e.Key, e.Value)));
}
