using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class ExtractFieldTests
{
    private static readonly Schema NestedSchema = SchemaBuilder.Struct().Field("foo", Schema.Int32Schema).Build();

    [Fact]
    public void Key_Schemaless_ExtractsEntry()
    {
        var transform = Configured<ExtractField.Key>(("field", "magic"));
        var result = transform.ApplyUnmutated(SinkRecord(null, MutableMap(("magic", 42)), null, null))!;
        Assert.Null(result.KeySchema);
        Assert.Equal(42, result.Key);
    }

    [Fact]
    public void Key_SchemalessNull_PassesThrough()
    {
        var transform = Configured<ExtractField.Key>(("field", "magic"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, null, null))!;
        Assert.Null(result.KeySchema);
        Assert.Null(result.Key);
    }

    [Fact]
    public void Key_WithSchema_ExtractsFieldAndItsSchema()
    {
        var schema = SchemaBuilder.Struct().Field("magic", Schema.Int32Schema).Build();
        var transform = Configured<ExtractField.Key>(("field", "magic"));
        var result = transform.ApplyUnmutated(SinkRecord(schema, new StructBuilder(schema).Put("magic", 42).Build(), null, null))!;
        Assert.Same(Schema.Int32Schema, result.KeySchema);
        Assert.Equal(42, result.Key);
    }

    [Fact]
    public void Key_WithSchemaNullValue_GivesFieldSchemaAndNull()
    {
        var schema = SchemaBuilder.Struct().Field("magic", Schema.Int32Schema).Build();
        var transform = Configured<ExtractField.Key>(("field", "magic"));
        var result = transform.ApplyUnmutated(SinkRecord(schema, null, null, null))!;
        Assert.Same(Schema.Int32Schema, result.KeySchema);
        Assert.Null(result.Key);
    }

    [Fact]
    public void Schemaless_MissingField_GivesNull()
    {
        var transform = Configured<ExtractField.Value>(("field", "nonexistent"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, null, Map(("magic", 42))))!;
        Assert.Null(result.Value);
    }

    [Fact]
    public void WithSchema_MissingField_FailsWithKafkasMessage()
    {
        var schema = SchemaBuilder.Struct().Field("magic", Schema.Int32Schema).Build();
        var transform = Configured<ExtractField.Value>(("field", "nonexistent"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, schema, new StructBuilder(schema).Put("magic", 1).Build())));
        Assert.Equal("Unknown field: nonexistent", error.Message);
    }

    [Fact]
    public void Schemaless_NotAMap_Fails()
    {
        var transform = Configured<ExtractField.Value>(("field", "magic"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, null, 42)));
        Assert.Equal("Only Map objects supported in absence of schema for [field extraction], found: java.lang.Integer", error.Message);
    }

    [Fact]
    public void WithSchema_NotAStruct_Fails()
    {
        var schema = SchemaBuilder.Struct().Field("magic", Schema.Int32Schema).Build();
        var transform = Configured<ExtractField.Value>(("field", "magic"));
        var error = Assert.Throws<DataException>(() => transform.Apply(new ConnectRecord("t", 0, null, null, Schema.Int32Schema, 42)));
        Assert.Equal("Only Struct objects supported for [field extraction], found: java.lang.Integer", error.Message);
        _ = schema;
    }

    [Fact]
    public void V1_DottedName_IsOneTopLevelField()
    {
        var transform = Configured<ExtractField.Value>(("field", "magic.foo"));
        var value = Map(("magic.foo", 1), ("magic", Map(("foo", 2))));
        Assert.Equal(1, transform.ApplyUnmutated(SinkRecord(null, null, null, value))!.Value);
    }

    [Fact]
    public void V2_Schemaless_ExtractsNestedEntry()
    {
        var transform = Configured<ExtractField.Value>(("field", "magic.foo"), ("field.syntax.version", "v2"));
        var value = Map(("magic.foo", 1), ("magic", MutableMap(("foo", 2))));
        Assert.Equal(2, transform.ApplyUnmutated(SinkRecord(null, null, null, value))!.Value);
    }

    [Fact]
    public void V2_Schemaless_MissingParent_GivesNull()
    {
        var transform = Configured<ExtractField.Value>(("field", "magic.foo"), ("field.syntax.version", "V2"));
        Assert.Null(transform.ApplyUnmutated(SinkRecord(null, null, null, Map(("other", 1))))!.Value);
    }

    [Fact]
    public void V2_WithSchema_ExtractsNestedField()
    {
        var schema = SchemaBuilder.Struct().Field("magic", NestedSchema).Build();
        var value = new StructBuilder(schema).Put("magic", new StructBuilder(NestedSchema).Put("foo", 42).Build()).Build();
        var transform = Configured<ExtractField.Value>(("field", "magic.foo"), ("field.syntax.version", "V2"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, value))!;
        Assert.Same(Schema.Int32Schema, result.ValueSchema);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void V2_WithSchema_BacktickQuotedStepContainingDots()
    {
        var schema = SchemaBuilder.Struct().Field("magic.field", NestedSchema).Build();
        var value = new StructBuilder(schema).Put("magic.field", new StructBuilder(NestedSchema).Put("foo", 7).Build()).Build();
        var transform = Configured<ExtractField.Value>(("field", "`magic.field`.foo"), ("field.syntax.version", "V2"));
        Assert.Equal(7, transform.ApplyUnmutated(SinkRecord(null, null, schema, value))!.Value);
    }

    [Fact]
    public void V2_WithSchema_NestedMissingField_FailsWithOriginalPath()
    {
        var schema = SchemaBuilder.Struct().Field("magic", NestedSchema).Build();
        var transform = Configured<ExtractField.Value>(("field", "magic.bar"), ("field.syntax.version", "V2"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, schema, null)));
        Assert.Equal("Unknown field: magic.bar", error.Message);
    }

    [Fact]
    public void V2_WithSchema_NullParentStruct_GivesNull()
    {
        var optionalNested = SchemaBuilder.Struct().Optional().Field("foo", Schema.Int32Schema).Build();
        var schema = SchemaBuilder.Struct().Field("magic", optionalNested).Build();
        var transform = Configured<ExtractField.Value>(("field", "magic.foo"), ("field.syntax.version", "V2"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, new StructBuilder(schema).Put("magic", null).Build()))!;
        Assert.Same(Schema.Int32Schema, result.ValueSchema);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("true", "default")]
    [InlineData("false", null)]
    public void ReplaceNullWithDefault_ControlsDefaultOfNullField(string replace, string? expected)
    {
        var fieldSchema = SchemaBuilder.String().Optional().DefaultValue("default").Build();
        var schema = SchemaBuilder.Struct().Field("magic", fieldSchema).Build();
        var transform = Configured<ExtractField.Value>(("field", "magic"), ("replace.null.with.default", replace));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, new StructBuilder(schema).Put("magic", null).Build()))!;
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Configure_BadSyntaxVersion_FailsLikeKafka()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<ExtractField.Value>(("field", "a"), ("field.syntax.version", "V3")));
        Assert.Equal("Invalid value V3 for configuration field.syntax.version: String must be one of (case insensitive): V1, V2", error.Message);
    }

    [Fact]
    public void Configure_IncompleteBacktickPair_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<ExtractField.Value>(("field", "`a.b"), ("field.syntax.version", "V2")));
        Assert.Equal("Incomplete backtick pair in path: [`a.b], consider adding a backslash before backtick at position 0 to escape it", error.Message);
    }

    [Fact]
    public void Configure_MissingField_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<ExtractField.Key>());
        Assert.Equal("Missing required configuration \"field\" which has no default value.", error.Message);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys()
    {
        Assert.Equal(["field", "replace.null.with.default", "field.syntax.version"], ExtractField.ConfigDef.Keys.Keys);
        Assert.Equal("V1", ExtractField.ConfigDef.Keys["field.syntax.version"].DefaultValue);
        Assert.Equal("org.apache.kafka.connect.transforms.ExtractField$Value", ExtractField.ValueClassName);
    }
}
