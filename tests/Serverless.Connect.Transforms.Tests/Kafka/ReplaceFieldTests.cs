using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class ReplaceFieldTests
{
    private static readonly Schema RowSchema = SchemaBuilder.Struct().Name("row").Version(3)
        .Field("dont", Schema.StringSchema).Field("abc", Schema.Int32Schema).Field("foo", Schema.BooleanSchema)
        .Field("etc", Schema.StringSchema).Build();

    private static readonly Struct Row = new StructBuilder(RowSchema)
        .Put("dont", "whatever").Put("abc", 42).Put("foo", true).Put("etc", "etc").Build();

    [Fact]
    public void Schemaless_ExcludeAndRename()
    {
        var transform = Configured<ReplaceField.Value>(("exclude", "dont"), ("renames", "abc:xyz,foo:bar"));
        var value = MutableMap(("dont", "whatever"), ("abc", 42), ("foo", true), ("etc", "etc"));
        var result = AsMap(transform.ApplyUnmutated(SinkRecord(null, null, null, value))!.Value);
        Assert.Equal(Map(("xyz", 42), ("bar", true), ("etc", "etc")), result);
        Assert.Equal(["xyz", "bar", "etc"], result.Keys);
    }

    [Fact]
    public void Schemaless_Include()
    {
        var transform = Configured<ReplaceField.Value>(("include", "abc,foo"));
        var result = AsMap(transform.ApplyUnmutated(SinkRecord(null, null, null, Map(("dont", "x"), ("abc", 42), ("foo", true))))!.Value);
        Assert.Equal(Map(("abc", 42), ("foo", true)), result);
    }

    [Fact]
    public void WithSchema_IncludeAndRename()
    {
        var transform = Configured<ReplaceField.Value>(("include", "abc,foo"), ("renames", "abc:xyz,foo:bar"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, RowSchema, Row))!;

        var expectedSchema = SchemaBuilder.Struct().Name("row").Version(3).Field("xyz", Schema.Int32Schema).Field("bar", Schema.BooleanSchema).Build();
        Assert.Equal(expectedSchema, result.ValueSchema);
        var value = (Struct)result.Value!;
        Assert.Equal(42, value.GetInt32("xyz"));
        Assert.True(value.GetBoolean("bar"));
    }

    [Fact]
    public void ExcludeWinsOverInclude()
    {
        var transform = Configured<ReplaceField.Value>(("include", "abc,foo"), ("exclude", "foo"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, RowSchema, Row))!;
        Assert.Equal(["abc"], result.ValueSchema!.Fields.Select(f => f.Name));
    }

    [Fact]
    public void DeprecatedBlacklistAndWhitelist_AreAccepted()
    {
        var transform = Configured<ReplaceField.Value>(("blacklist", "dont"), ("whitelist", "dont,abc"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, RowSchema, Row))!;
        Assert.Equal(["abc"], result.ValueSchema!.Fields.Select(f => f.Name));
    }

    [Fact]
    public void NewNameWins_WhenBothNamesAreSet()
    {
        var transform = Configured<ReplaceField.Value>(("exclude", "abc"), ("blacklist", "dont"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, RowSchema, Row))!;
        Assert.Equal(["dont", "foo", "etc"], result.ValueSchema!.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData("true", "dflt")]
    [InlineData("false", null)]
    public void ReplaceNullWithDefault_AppliesToCopiedFields(string replace, string? expected)
    {
        var schema = SchemaBuilder.Struct().Field("s", SchemaBuilder.String().Optional().DefaultValue("dflt").Build()).Build();
        var transform = Configured<ReplaceField.Value>(("renames", "s:t"), ("replace.null.with.default", replace));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, new StructBuilder(schema).Put("s", null).Build()))!;
        Assert.Equal(expected, ((Struct)result.Value!).GetWithoutDefault("t"));
    }

    [Fact]
    public void Key_Renames()
    {
        var transform = Configured<ReplaceField.Key>(("renames", "id:key_id"));
        var result = transform.ApplyUnmutated(SinkRecord(null, Map(("id", 1)), null, null))!;
        Assert.Equal(Map(("key_id", 1)), result.Key);
    }

    [Fact]
    public void Tombstones_PassThrough()
    {
        var transform = Configured<ReplaceField.Value>(("exclude", "dont"));
        var schemaless = SinkRecord(null, null, null, null);
        var withSchema = SinkRecord(null, null, RowSchema, null);
        Assert.Same(schemaless, transform.ApplyUnmutated(schemaless));
        Assert.Same(withSchema, transform.ApplyUnmutated(withSchema));
    }

    [Fact]
    public void WithSchema_NotAStruct_Fails()
    {
        var error = Assert.Throws<DataException>(() => Configured<ReplaceField.Value>(("exclude", "a")).Apply(SinkRecord(null, null, Schema.StringSchema, "x")));
        Assert.Equal("Only Struct objects supported for [field replacement], found: java.lang.String", error.Message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a:b:c")]
    [InlineData("a:")]
    public void Configure_InvalidRename_FailsLikeKafka(string mapping)
    {
        var error = Assert.Throws<ConfigException>(() => Configured<ReplaceField.Value>(("renames", "x:y," + mapping)));
        Assert.Equal($"Invalid value [x:y, {mapping}] for configuration renames: Invalid rename mapping: {mapping}", error.Message);
    }

    [Fact]
    public void Configure_TrailingSeparatorAfterPair_IsAValidPair()
    {
        var transform = Configured<ReplaceField.Value>(("renames", "abc:xyz:"));
        Assert.Equal(Map(("xyz", 1)), transform.ApplyUnmutated(SinkRecord(null, null, null, Map(("abc", 1))))!.Value);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys()
    {
        Assert.Equal(["exclude", "blacklist", "include", "whitelist", "renames", "replace.null.with.default"], ReplaceField.ConfigDef.Keys.Keys);
        Assert.Equal("org.apache.kafka.connect.transforms.ReplaceField$Key", ReplaceField.KeyClassName);
    }
}
