using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class ValueToKeyTests
{
    [Fact]
    public void Schemaless_BuildsKeyMapFromValueFields()
    {
        var transform = Configured<ValueToKey>(("fields", "a,b"));
        var value = MutableMap(("a", 1), ("b", 2), ("c", 3));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, null, value))!;
        Assert.Null(result.KeySchema);
        Assert.Equal(Map(("a", 1), ("b", 2)), result.Key);
        Assert.Same(value, result.Value);
    }

    [Fact]
    public void Schemaless_MissingField_BecomesNullEntry()
    {
        var result = Configured<ValueToKey>(("fields", "a,z")).ApplyUnmutated(SinkRecord(null, null, null, Map(("a", 1))))!;
        Assert.Equal(Map(("a", 1), ("z", null)), result.Key);
    }

    [Fact]
    public void WithSchema_BuildsKeyStructFromValueFields()
    {
        var valueSchema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Field("b", Schema.Int32Schema).Field("c", Schema.Int32Schema).Build();
        var value = new StructBuilder(valueSchema).Put("a", 1).Put("b", 2).Put("c", 3).Build();
        var result = Configured<ValueToKey>(("fields", "a,b")).ApplyUnmutated(SinkRecord(Schema.StringSchema, "old", valueSchema, value))!;

        var expectedKeySchema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Field("b", Schema.Int32Schema).Build();
        Assert.Equal(expectedKeySchema, result.KeySchema);
        Assert.Equal(new StructBuilder(expectedKeySchema).Put("a", 1).Put("b", 2).Build(), result.Key);
        Assert.Same(value, result.Value);
        Assert.Same(valueSchema, result.ValueSchema);
    }

    [Fact]
    public void WithSchema_MissingField_Fails()
    {
        var valueSchema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();
        var transform = Configured<ValueToKey>(("fields", "not_exist"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, valueSchema, new StructBuilder(valueSchema).Put("a", 1).Build())));
        Assert.Equal("Field does not exist: not_exist", error.Message);
    }

    [Theory]
    [InlineData("true", 7)]
    [InlineData("false", null)]
    public void ReplaceNullWithDefault_AppliesToKeyFields(string replace, int? expected)
    {
        var valueSchema = SchemaBuilder.Struct().Field("a", SchemaBuilder.Int32().Optional().DefaultValue(7).Build()).Build();
        var transform = Configured<ValueToKey>(("fields", "a"), ("replace.null.with.default", replace));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, valueSchema, new StructBuilder(valueSchema).Put("a", null).Build()))!;
        Assert.Equal(expected, ((Struct)result.Key!).GetWithoutDefault("a"));
    }

    [Fact]
    public void SchemalessTombstone_FailsAsInKafka()
    {
        var error = Assert.Throws<DataException>(() => Configured<ValueToKey>(("fields", "a")).Apply(SinkRecord(null, null, null, null)));
        Assert.Equal("Only Map objects supported in absence of schema for [copying fields from value to key], found: null", error.Message);
    }

    [Fact]
    public void TombstoneWithSchema_FailsAsInKafka()
    {
        var valueSchema = SchemaBuilder.Struct().Optional().Field("a", Schema.Int32Schema).Build();
        var error = Assert.Throws<DataException>(() => Configured<ValueToKey>(("fields", "a")).Apply(SinkRecord(null, null, valueSchema, null)));
        Assert.Equal("Only Struct objects supported for [copying fields from value to key], found: null", error.Message);
    }

    [Fact]
    public void Configure_EmptyFields_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<ValueToKey>(("fields", "")));
        Assert.Equal("Invalid value [] for configuration fields: Empty list", error.Message);
    }

    [Fact]
    public void ClassNameAndConfigDef_MatchKafka()
    {
        Assert.Equal("org.apache.kafka.connect.transforms.ValueToKey", ValueToKey.ClassName);
        Assert.Equal(["fields", "replace.null.with.default"], ValueToKey.ConfigDef.Keys.Keys);
    }
}
