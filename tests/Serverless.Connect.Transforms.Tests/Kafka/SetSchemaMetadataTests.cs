using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class SetSchemaMetadataTests
{
    [Fact]
    public void SchemaName_IsSet()
    {
        var transform = Configured<SetSchemaMetadata.Value>(("schema.name", "foo"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, SchemaBuilder.Struct().Build(), null))!;
        Assert.Equal("foo", result.ValueSchema!.Name);
        Assert.Null(result.Value);
    }

    [Fact]
    public void SchemaVersion_IsSet()
    {
        var transform = Configured<SetSchemaMetadata.Value>(("schema.version", "42"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, SchemaBuilder.Struct().Name("keep").Build(), null))!;
        Assert.Equal(42, result.ValueSchema!.Version);
        Assert.Equal("keep", result.ValueSchema.Name);
    }

    [Fact]
    public void NameAndVersion_WithStruct_RebindsValueToNewSchema()
    {
        var schema = SchemaBuilder.Struct().Name("my.orig.SchemaDefn").Doc("d").Parameter("p", "v")
            .Field("f1", Schema.StringSchema).Field("f2", Schema.Int32Schema).Build();
        var value = new StructBuilder(schema).Put("f1", "value1").Put("f2", 1).Build();
        var transform = Configured<SetSchemaMetadata.Value>(("schema.name", "foo"), ("schema.version", "42"));

        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, value))!;

        Assert.Equal("foo", result.ValueSchema!.Name);
        Assert.Equal(42, result.ValueSchema.Version);
        Assert.Equal("d", result.ValueSchema.Doc);
        Assert.Equal("v", result.ValueSchema.Parameters!["p"]);
        var updated = Assert.IsType<Struct>(result.Value);
        Assert.Same(result.ValueSchema, updated.Schema);
        Assert.Same(schema.FieldByName("f1")!.Schema, updated.Schema.FieldByName("f1")!.Schema);
        Assert.Equal("value1", updated.Get("f1"));
        Assert.Equal(1, updated.Get("f2"));
    }

    [Fact]
    public void Key_PrimitiveSchema_KeepsValueAndOptionality()
    {
        var keySchema = SchemaBuilder.Int64().Optional().DefaultValue(5L).Build();
        var transform = Configured<SetSchemaMetadata.Key>(("schema.name", "id"));
        var result = transform.ApplyUnmutated(SinkRecord(keySchema, 9L, null, null))!;
        Assert.Equal(SchemaBuilder.Int64().Optional().DefaultValue(5L).Name("id").Build(), result.KeySchema);
        Assert.Equal(9L, result.Key);
    }

    [Fact]
    public void ArrayAndMapSchemas_KeepElementSchemas()
    {
        var arraySchema = SchemaBuilder.Array(Schema.StringSchema).Build();
        var mapSchema = SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build();
        var transform = Configured<SetSchemaMetadata.Value>(("schema.name", "named"));
        var array = transform.ApplyUnmutated(SinkRecord(null, null, arraySchema, new object?[] { "a" }))!;
        var map = transform.ApplyUnmutated(SinkRecord(null, null, mapSchema, Map(("a", 1))))!;
        Assert.Equal(SchemaBuilder.Array(Schema.StringSchema).Name("named").Build(), array.ValueSchema);
        Assert.Equal(SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Name("named").Build(), map.ValueSchema);
    }

    [Theory]
    [InlineData("true", "dflt")]
    [InlineData("false", null)]
    public void ReplaceNullWithDefault_AppliesWhenRebinding(string replace, string? expected)
    {
        var schema = SchemaBuilder.Struct().Field("f", SchemaBuilder.String().Optional().DefaultValue("dflt").Build()).Build();
        var value = new StructBuilder(schema).Put("f", null).Build();
        var transform = Configured<SetSchemaMetadata.Value>(("schema.name", "x"), ("replace.null.with.default", replace));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, value))!;
        Assert.Equal(expected, ((Struct)result.Value!).GetWithoutDefault("f"));
    }

    [Fact]
    public void Schemaless_Fails()
    {
        var transform = Configured<SetSchemaMetadata.Value>(("schema.name", "foo"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, null, Map(("a", 1)))));
        Assert.Equal("Schema required for [updating schema metadata]", error.Message);
    }

    [Fact]
    public void Configure_NeitherNameNorVersion_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<SetSchemaMetadata.Value>());
        Assert.Equal("Neither schema name nor version configured", error.Message);
    }

    [Fact]
    public void Configure_BadVersion_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<SetSchemaMetadata.Value>(("schema.version", "x")));
        Assert.Equal("Invalid value x for configuration schema.version: Not a number of type INT", error.Message);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys()
    {
        Assert.Equal(["schema.name", "schema.version", "replace.null.with.default"], SetSchemaMetadata.ConfigDef.Keys.Keys);
        Assert.Equal("org.apache.kafka.connect.transforms.SetSchemaMetadata$Key", SetSchemaMetadata.KeyClassName);
    }
}
