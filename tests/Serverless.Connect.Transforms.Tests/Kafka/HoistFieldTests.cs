using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class HoistFieldTests
{
    [Fact]
    public void Key_Schemaless_WrapsInMap()
    {
        var transform = Configured<HoistField.Key>(("field", "magic"));
        var result = transform.ApplyUnmutated(SinkRecord(null, 42, null, null))!;
        Assert.Null(result.KeySchema);
        Assert.Equal(Map(("magic", 42)), result.Key);
    }

    [Fact]
    public void Key_WithSchema_WrapsInStructWithOriginalSchema()
    {
        var transform = Configured<HoistField.Key>(("field", "magic"));
        var result = transform.ApplyUnmutated(SinkRecord(Schema.Int32Schema, 42, null, null))!;
        Assert.Equal(SchemaType.Struct, result.KeySchema!.Type);
        Assert.Same(Schema.Int32Schema, result.KeySchema.FieldByName("magic")!.Schema);
        Assert.Equal(42, ((Struct)result.Key!).Get("magic"));
    }

    [Fact]
    public void Value_WithStructSchema_NestsTheStruct()
    {
        var inner = SchemaBuilder.Struct().Name("inner").Field("id", Schema.Int64Schema).Build();
        var value = new StructBuilder(inner).Put("id", 7L).Build();
        var transform = Configured<HoistField.Value>(("field", "payload"));
        var result = transform.ApplyUnmutated(SinkRecord(Schema.StringSchema, "k", inner, value))!;
        Assert.Equal("k", result.Key);
        Assert.Same(Schema.StringSchema, result.KeySchema);
        Assert.Same(value, ((Struct)result.Value!).Get("payload"));
    }

    [Fact]
    public void Value_SchemalessMutableMap_IsWrappedNotChanged()
    {
        var map = MutableMap(("a", 1));
        var transform = Configured<HoistField.Value>(("field", "wrapped"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, null, map))!;
        Assert.Same(map, AsMap(result.Value)["wrapped"]);
    }

    [Fact]
    public void Value_SchemalessTombstone_IsHoistedAsNullEntry()
    {
        var transform = Configured<HoistField.Value>(("field", "wrapped"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, null, null))!;
        Assert.Equal(Map(("wrapped", null)), result.Value);
    }

    [Fact]
    public void Value_OptionalSchemaWithNullValue_GivesStructWithNullField()
    {
        var transform = Configured<HoistField.Value>(("field", "wrapped"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, Schema.OptionalStringSchema, null))!;
        Assert.Null(((Struct)result.Value!).Get("wrapped"));
    }

    [Fact]
    public void Value_RequiredSchemaWithNullValue_Fails()
    {
        var transform = Configured<HoistField.Value>(("field", "wrapped"));
        Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, Schema.StringSchema, null)));
    }

    [Fact]
    public void Apply_SameSchemaTwice_ReusesTheDerivedSchema()
    {
        var transform = Configured<HoistField.Key>(("field", "magic"));
        var first = transform.Apply(SinkRecord(Schema.Int32Schema, 1, null, null))!;
        var second = transform.Apply(SinkRecord(Schema.Int32Schema, 2, null, null))!;
        Assert.Same(first.KeySchema, second.KeySchema);
    }

    [Fact]
    public void Configure_WithoutField_FailsLikeKafka()
    {
        var error = Assert.Throws<ConfigException>(() => new HoistField.Value().Configure(new Dictionary<string, string>()));
        Assert.Equal("Missing required configuration \"field\" which has no default value.", error.Message);
        Assert.Equal("field", error.Key);
    }

    [Fact]
    public void ClassNamesAndConfigDef_MatchKafka()
    {
        Assert.Equal("org.apache.kafka.connect.transforms.HoistField$Key", HoistField.KeyClassName);
        Assert.Equal("org.apache.kafka.connect.transforms.HoistField$Value", HoistField.ValueClassName);
        Assert.Equal(["field"], HoistField.ConfigDef.Keys.Keys);
    }
}
