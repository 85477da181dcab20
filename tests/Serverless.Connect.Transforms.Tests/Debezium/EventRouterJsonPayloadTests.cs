using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using static Serverless.Connect.Transforms.Tests.Debezium.EventRouterTests;

namespace Serverless.Connect.Transforms.Tests.Debezium;

public sealed class EventRouterJsonPayloadTests
{
    [Fact]
    public void Numbers_FollowJacksonNodeTypes()
    {
        var value = Expand("""{"i": 1, "l": 10000000000, "d": 1.0, "e": 1e2, "neg": -5}""");

        Assert.Equal(Schema.OptionalInt32Schema, value.Schema.FieldByName("i")!.Schema);
        Assert.Equal(1, value.Get("i"));
        Assert.Equal(Schema.OptionalInt64Schema, value.Schema.FieldByName("l")!.Schema);
        Assert.Equal(10_000_000_000L, value.Get("l"));
        Assert.Equal(Schema.OptionalFloat64Schema, value.Schema.FieldByName("d")!.Schema);
        Assert.Equal(1.0, value.Get("d"));
        Assert.Equal(100.0, value.Get("e"));
        Assert.Equal(-5, value.Get("neg"));
    }

    [Fact]
    public void Nulls_AreLeftOut_OrTypedAsOptionalBytes()
    {
        var ignored = Expand("""{"a": null, "b": "x"}""");
        var bytes = Expand("""{"a": null, "b": "x"}""", ("table.json.payload.null.behavior", "optional_bytes"));

        Assert.Equal(["b"], ignored.Schema.Fields.Select(f => f.Name));
        Assert.Equal(Schema.OptionalBytesSchema, bytes.Schema.FieldByName("a")!.Schema);
        Assert.Null(bytes.Get("a"));
    }

    [Fact]
    public void EmptyArrays_AreLeftOut_OrTypedAsStringArrays()
    {
        var ignored = Expand("""{"tags": [], "n": 1}""");
        var strings = Expand("""{"tags": []}""", ("table.json.payload.empty.array.behavior", "optional_string"));

        Assert.Null(ignored.Schema.FieldByName("tags"));
        Assert.Equal(SchemaType.Array, strings.Schema.FieldByName("tags")!.Schema.Type);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(strings.Get("tags")));
    }

    [Fact]
    public void ArraysOfObjects_MergeTheirFields()
    {
        var value = Expand("""{"items": [{"sku": "a"}, {"sku": "b", "qty": 2}], "single": [{"x": 1}, null]}""");

        var element = value.Schema.FieldByName("items")!.Schema.ValueSchema!;
        Assert.Equal("payload.items", element.Name);
        Assert.Equal(["sku", "qty"], element.Fields.Select(f => f.Name));
        var items = Assert.IsAssignableFrom<IReadOnlyList<object?>>(value.Get("items"));
        Assert.Equal(2, items.Count);
        Assert.Null(Assert.IsAssignableFrom<IReadOnlyList<object?>>(value.Get("single"))[1]);
        Assert.Null(((Struct)items[0]!).Get("qty"));
        Assert.Equal(2, ((Struct)items[1]!).Get("qty"));
    }

    [Fact]
    public void ArraysOfPrimitives_AreTyped()
    {
        var value = Expand("""{"ids": [1, 2, null], "names": ["a"]}""");

        Assert.Equal(Schema.OptionalInt32Schema, value.Schema.FieldByName("ids")!.Schema.ValueSchema);
        Assert.Equal(new object?[] { 1, 2, null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(value.Get("ids")));
        Assert.Equal(Schema.OptionalStringSchema, value.Schema.FieldByName("names")!.Schema.ValueSchema);
    }

    [Theory]
    [InlineData("""{"mixed": [1, "a"]}""")]
    [InlineData("""{"numbers": [1, 10000000000]}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"items": [{"a": 1}, {"b": 2}, null]}""")]
    [InlineData("""not json""")]
    [InlineData(""" {"leading": "space"}""")]
    [InlineData("""{"broken": """)]
    [InlineData("")]
    public void UnexpandablePayloads_KeepTheStringAndWarn(string payload)
    {
        var logger = new RecordingLogger();
        using var sut = Configure(logger, ("table.expand.json.payload", "true"));

        var result = sut.Apply(OutboxEvents.Default("c", payload: payload))!;

        Assert.Equal(payload, result.Value);
        Assert.Equal(DebeziumData.JsonName, result.ValueSchema!.Name);
        Assert.Contains("JSON expansion of the 'payload' field failed", Assert.Single(logger.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NonStringPayload_IsKeptWithAWarning()
    {
        var logger = new RecordingLogger();
        using var sut = Configure(logger, ("table.expand.json.payload", "true"), ("table.field.event.payload", "version"));
        var rowSchema = SchemaBuilder.Struct().Name("srv.public.outboxevent.Value").Optional()
            .Field("id", Schema.StringSchema).Field("aggregatetype", Schema.StringSchema).Field("aggregateid", Schema.StringSchema)
            .Field("version", Schema.Int32Schema).Build();
        var envelopeSchema = SchemaBuilder.Struct().Name("srv.public.outboxevent.Envelope")
            .Field("after", rowSchema).Field("op", Schema.StringSchema).Field("ts_ms", Schema.OptionalInt64Schema).Build();
        var row = new StructBuilder(rowSchema).Put("id", "e1").Put("aggregatetype", "A").Put("aggregateid", "1").Put("version", 3).Build();
        var record = new ConnectRecord("t", 0, null, null, envelopeSchema, new StructBuilder(envelopeSchema).Put("after", row).Put("op", "c").Build());

        var result = sut.Apply(record)!;

        Assert.Equal(3, result.Value);
        Assert.Null(result.Timestamp);
        Assert.Contains("payload is not a string", Assert.Single(logger.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeys_KeepFirstPositionAndLastValue()
    {
        var value = Expand("""{"a": 1, "b": 2, "a": 3}""");

        Assert.Equal(["a", "b"], value.Schema.Fields.Select(f => f.Name));
        Assert.Equal(3, value.Get("a"));
    }

    [Theory]
    [InlineData("avro", "order_id")]
    [InlineData("avro_unicode", "order_u002did")]
    [InlineData("none", "order-id")]
    public void FieldNames_FollowTheAdjustmentMode(string mode, string expected)
    {
        var value = Expand("""{"order-id": "x", "nested": {"a b": 1}}""", ("field.name.adjustment.mode", mode));

        Assert.Equal(expected, value.Schema.Fields[0].Name);
    }

    private static Struct Expand(string json, params (string Key, string Value)[] extra)
    {
        using var sut = Configure(null, [("table.expand.json.payload", "true"), .. extra]);
        var result = sut.Apply(OutboxEvents.Default("c", payload: json))!;
        var value = Assert.IsType<Struct>(result.Value);
        Assert.Equal("payload", value.Schema.Name);
        value.Validate();
        return value;
    }
}
