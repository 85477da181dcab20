using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class SmtHelpersTests
{
    [Theory]
    [InlineData("foo", new[] { "foo" })]
    [InlineData("foo.bar", new[] { "foo", "bar" })]
    [InlineData("foo.bar.baz", new[] { "foo", "bar", "baz" })]
    [InlineData("`foo.bar`", new[] { "foo.bar" })]
    [InlineData("`foo.bar.baz`.quux", new[] { "foo.bar.baz", "quux" })]
    [InlineData("foo.`bar.baz`.quux", new[] { "foo", "bar.baz", "quux" })]
    [InlineData(".foo", new[] { "", "foo" })]
    [InlineData("foo.", new[] { "foo", "" })]
    [InlineData("foo..bar", new[] { "foo", "", "bar" })]
    [InlineData("`foo`bar`.baz", new[] { "foo`bar", "baz" })]
    [InlineData("`foo\\`.bar`", new[] { "foo`.bar" })]
    [InlineData("foo`bar", new[] { "foo`bar" })]
    public void SingleFieldPath_V2_SplitsStepsLikeKip821(string path, string[] steps) =>
        Assert.Equal(steps, new SingleFieldPath(path, FieldSyntaxVersion.V2).Steps);

    [Fact]
    public void SingleFieldPath_V1_IsOneStep() =>
        Assert.Equal(["foo.`bar`.baz"], new SingleFieldPath("foo.`bar`.baz", FieldSyntaxVersion.V1).Steps);

    [Fact]
    public void SingleFieldPath_V2_EscapedClosingBacktickAtEnd_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => new SingleFieldPath("`foo\\`", FieldSyntaxVersion.V2));
        Assert.Equal("Incomplete backtick pair in path: [`foo\\`], consider adding a backslash before backtick at position 0 to escape it", error.Message);
    }

    [Fact]
    public void SingleFieldPath_NonStructSchema_Fails()
    {
        var error = Assert.Throws<DataException>(() => new SingleFieldPath("a", FieldSyntaxVersion.V1).FieldFrom(Schema.Int32Schema));
        Assert.Equal("Cannot look up fields on non-struct type", error.Message);
    }

    [Fact]
    public void SingleFieldPath_Equality_ComparesSteps()
    {
        Assert.Equal(new SingleFieldPath("a.b", FieldSyntaxVersion.V2), new SingleFieldPath("a.`b`", FieldSyntaxVersion.V2));
        Assert.NotEqual(new SingleFieldPath("a.b", FieldSyntaxVersion.V2), new SingleFieldPath("a.b", FieldSyntaxVersion.V1));
    }

    [Fact]
    public void LruCache_EvictsLeastRecentlyUsed()
    {
        var cache = new LruCache<int, string>(2);
        cache.Put(1, "one");
        cache.Put(2, "two");
        Assert.True(cache.TryGet(1, out _));
        cache.Put(3, "three");
        Assert.True(cache.TryGet(1, out var one));
        Assert.Equal("one", one);
        Assert.False(cache.TryGet(2, out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void SchemaUpdateCache_IsBoundedAndThreadSafe()
    {
        var cache = new SchemaUpdateCache();
        var schemas = Enumerable.Range(0, 64).Select(i => SchemaBuilder.Struct().Name("s" + i).Build()).ToArray();
        Parallel.For(0, 2000, i =>
        {
            var schema = schemas[i % schemas.Length];
            var updated = cache.GetOrAdd(schema, s => SchemaBuilder.Struct().Name(s.Name + "-updated").Build());
            Assert.Equal(schema.Name + "-updated", updated.Name);
        });
        Assert.InRange(cache.Count, 1, SchemaUpdateCache.DefaultCapacity);
    }

    [Fact]
    public void SchemaUpdateCache_KeysByStructuralEquality()
    {
        var cache = new SchemaUpdateCache();
        var updated = SchemaBuilder.Struct().Name("u").Build();
        cache.Put(SchemaBuilder.Struct().Name("a").Field("x", Schema.Int32Schema).Build(), updated);
        Assert.Same(updated, cache.Get(SchemaBuilder.Struct().Name("a").Field("x", Schema.Int32Schema).Build()));
        Assert.Null(cache.Get(SchemaBuilder.Struct().Name("b").Build()));
    }

    [Theory]
    [InlineData("a:b", new[] { "a", "b" })]
    [InlineData("a:", new[] { "a" })]
    [InlineData(":b", new[] { "", "b" })]
    [InlineData("a:b::", new[] { "a", "b" })]
    [InlineData("", new[] { "" })]
    [InlineData("::", new string[0])]
    public void JavaStrings_Split_DropsTrailingEmptyParts(string text, string[] parts) =>
        Assert.Equal(parts, JavaStrings.Split(text, ':'));

    [Fact]
    public void MapValues_ReadsGenericDictionariesOfAnyKeyType()
    {
        var map = MapValues.AsMap(new Dictionary<string, object?> { ["a"] = 1, ["b"] = null })!;
        Assert.Equal(1, map["a"]);
        Assert.True(map.ContainsKey("b"));
        Assert.Null(MapValues.AsMap("not a map"));
    }

    [Fact]
    public void Requirements_UseKafkasMessages()
    {
        Assert.Equal("Only Map objects supported in absence of schema for [p], found: java.lang.String",
            Assert.Throws<DataException>(() => Requirements.RequireMap("x", "p")).Message);
        Assert.Equal("Only Struct objects supported for [p], found: java.util.HashMap",
            Assert.Throws<DataException>(() => Requirements.RequireStruct(ConnectMap.Empty, "p")).Message);
        Assert.Equal("Schema required for [p]", Assert.Throws<DataException>(() => Requirements.RequireSchema(null, "p")).Message);
        Assert.Null(Requirements.RequireMapOrNull(null, "p"));
        Assert.Null(Requirements.RequireStructOrNull(null, "p"));
        var sink = new ConnectRecord("t", 0, null, null, null, null) { KafkaOffset = 0 };
        Assert.Same(sink, Requirements.RequireSinkRecord(sink, "p"));
    }

    [Theory]
    [InlineData((sbyte)1, "java.lang.Byte")]
    [InlineData((short)1, "java.lang.Short")]
    [InlineData(1, "java.lang.Integer")]
    [InlineData(1L, "java.lang.Long")]
    [InlineData(1f, "java.lang.Float")]
    [InlineData(1d, "java.lang.Double")]
    [InlineData(true, "java.lang.Boolean")]
    [InlineData("s", "java.lang.String")]
    [InlineData(null, "null")]
    public void JavaTypeNames_NameConnectValuesLikeJava(object? value, string expected) =>
        Assert.Equal(expected, JavaTypeNames.NameOf(value));

    [Fact]
    public void RecordPart_NewRecord_ReplacesOnlyItsHalf()
    {
        var headers = ConnectHeaders.Empty.AddString("h", "v");
        var record = new ConnectRecord("t", 3, Schema.StringSchema, "k", Schema.Int32Schema, 1, 99, headers) { KafkaOffset = 7 };
        var key = RecordPart.Key.NewRecord(record, null, "k2");
        var value = RecordPart.Value.NewRecord(record, Schema.StringSchema, "v2");
        Assert.Equal(record with { KeySchema = null, Key = "k2" }, key);
        Assert.Equal(record with { ValueSchema = Schema.StringSchema, Value = "v2" }, value);
        Assert.Same(headers, value.Headers);
        Assert.Equal(7, value.KafkaOffset);
    }
}
