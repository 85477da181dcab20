using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class SchemaBuilderTests
{
    [Fact]
    public void Build_Primitive_HasDefaults()
    {
        var schema = SchemaBuilder.Int32().Build();

        Assert.Equal(SchemaType.Int32, schema.Type);
        Assert.False(schema.IsOptional);
        Assert.Null(schema.DefaultValue);
        Assert.Null(schema.Name);
        Assert.Null(schema.Version);
        Assert.Null(schema.Doc);
        Assert.Null(schema.Parameters);
        Assert.Empty(schema.Fields);
        Assert.Null(schema.KeySchema);
        Assert.Null(schema.ValueSchema);
        Assert.Equal(Schema.Int32Schema, schema);
    }

    [Fact]
    public void Build_AllMetadata_IsKept()
    {
        var schema = SchemaBuilder.String().Optional().DefaultValue("x").Name("n").Version(3).Doc("d")
            .Parameter("b", "2").Parameter("a", "1").Build();

        Assert.True(schema.IsOptional);
        Assert.Equal("x", schema.DefaultValue);
        Assert.Equal("n", schema.Name);
        Assert.Equal(3, schema.Version);
        Assert.Equal("d", schema.Doc);
        Assert.Equal(["b", "a"], schema.Parameters!.Keys);
    }

    [Fact]
    public void Struct_Fields_AreIndexedInOrder()
    {
        var schema = SchemaBuilder.Struct().Field("a", Schema.Int8Schema).Field("b", SchemaBuilder.String().Optional()).Build();

        Assert.Equal(2, schema.Fields.Count);
        Assert.Equal("a", schema.Fields[0].Name);
        Assert.Equal(0, schema.Fields[0].Index);
        Assert.Equal(1, schema.FieldByName("b")!.Index);
        Assert.True(schema.FieldByName("b")!.Schema.IsOptional);
        Assert.Null(schema.FieldByName("missing"));
    }

    [Fact]
    public void Field_OnNonStruct_Throws()
    {
        var e = Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().Field("a", Schema.Int32Schema));
        Assert.Equal("Cannot create fields on type INT32", e.Message);
    }

    [Fact]
    public void Field_Duplicate_Throws()
    {
        var builder = SchemaBuilder.Struct().Field("a", Schema.Int32Schema);
        var e = Assert.Throws<SchemaBuilderException>(() => builder.Field("a", Schema.StringSchema));
        Assert.Equal("Cannot create field because of field name duplication a", e.Message);
    }

    [Fact]
    public void Field_EmptyNameOrNullSchema_Throws()
    {
        Assert.Equal("fieldName cannot be null.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Struct().Field(string.Empty, Schema.Int32Schema)).Message);
        Assert.Equal("fieldSchema for field a cannot be null.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Struct().Field("a", (Schema)null!)).Message);
    }

    [Fact]
    public void ArrayAndMap_NullSchemas_Throw()
    {
        Assert.Equal("valueSchema cannot be null.", Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Array(null!)).Message);
        Assert.Equal("keySchema cannot be null.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Map(null!, Schema.Int32Schema)).Message);
        Assert.Equal("valueSchema cannot be null.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Map(Schema.Int32Schema, null!)).Message);
    }

    [Fact]
    public void SettingPropertyTwice_WithDifferentValue_Throws()
    {
        Assert.Equal("Invalid SchemaBuilder call: name has already been set.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().Name("a").Name("b")).Message);
        Assert.Equal("Invalid SchemaBuilder call: version has already been set.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().Version(1).Version(2)).Message);
        Assert.Equal("Invalid SchemaBuilder call: doc has already been set.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().Doc("a").Doc("b")).Message);
        Assert.Equal("Invalid SchemaBuilder call: optional has already been set.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().Optional().Required()).Message);
        Assert.Equal("Invalid SchemaBuilder call: default has already been set.",
            Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().DefaultValue(1).DefaultValue(2)).Message);
    }

    [Fact]
    public void SettingPropertyTwice_WithSameValue_IsAllowed()
    {
        var schema = SchemaBuilder.Int32().Name("a").Name("a").Optional().Optional().Version(1).Version(1).Build();
        Assert.Equal("a", schema.Name);
    }

    [Fact]
    public void DefaultValue_OfWrongType_Throws()
    {
        var e = Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().DefaultValue("not an int"));
        Assert.Equal("Invalid default value", e.Message);
        Assert.IsType<DataException>(e.InnerException);
    }

    [Fact]
    public void DefaultValue_NullOnRequired_Throws() =>
        Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Int32().DefaultValue(null));

    [Fact]
    public void DefaultValue_LogicalType_IsValidatedAgainstLogicalClass()
    {
        Assert.Throws<SchemaBuilderException>(() => DateSchema.Builder().DefaultValue(10));
        var schema = DateSchema.Builder().DefaultValue(new DateOnly(2024, 1, 1)).Build();
        Assert.Equal(new DateOnly(2024, 1, 1), schema.DefaultValue);
    }

    [Fact]
    public void DefaultValue_Array_IsValidatedElementWise()
    {
        Assert.Throws<SchemaBuilderException>(() => SchemaBuilder.Array(Schema.Int32Schema).DefaultValue(new object?[] { 1, "x" }));
        var schema = SchemaBuilder.Array(Schema.Int32Schema).DefaultValue(new object?[] { 1, 2 }).Build();
        Assert.Equal(2, ((object?[])schema.DefaultValue!).Length);
    }

    [Fact]
    public void Parameters_AreAdditive_AndEmptySetAddsNothing()
    {
        var none = SchemaBuilder.Bytes().Parameters(new Dictionary<string, string>()).Build();
        Assert.Null(none.Parameters);

        var schema = SchemaBuilder.Bytes().Parameter("a", "1").Parameters(new Dictionary<string, string> { ["b"] = "2", ["a"] = "3" }).Build();
        Assert.Equal("3", schema.Parameters!["a"]);
        Assert.Equal(["a", "b"], schema.Parameters.Keys);
    }

    [Fact]
    public void Builder_IsReusable_AndBuiltSchemasAreIndependent()
    {
        var builder = SchemaBuilder.Struct().Field("a", Schema.Int32Schema);
        var first = builder.Build();
        builder.Field("b", Schema.Int32Schema);
        var second = builder.Build();

        Assert.Single(first.Fields);
        Assert.Equal(2, second.Fields.Count);
    }

    [Fact]
    public void CopyOf_CopiesEverything_AndRequiredCopyCanBeMadeOptional()
    {
        var original = SchemaBuilder.Struct().Name("n").Version(1).Doc("d").Parameter("k", "v").Field("a", Schema.Int32Schema).Build();

        Assert.Equal(original, SchemaBuilder.CopyOf(original).Build());
        var optional = SchemaBuilder.CopyOf(original).Optional().Build();
        Assert.True(optional.IsOptional);
        Assert.NotEqual(original, optional);
    }

    [Fact]
    public void PredefinedSchemas_HaveExpectedTypeAndOptionality()
    {
        Assert.Equal(SchemaType.Float32, Schema.Float32Schema.Type);
        Assert.True(Schema.OptionalStringSchema.IsOptional);
        Assert.Equal(SchemaType.String, Schema.OptionalStringSchema.Type);
        Assert.False(Schema.BytesSchema.IsOptional);
        Assert.Equal(SchemaType.Boolean, Schema.OptionalBooleanSchema.Type);
    }

    [Fact]
    public void ToString_MatchesKafka()
    {
        Assert.Equal("Schema{INT32}", Schema.Int32Schema.ToString());
        Assert.Equal("Schema{org.apache.kafka.connect.data.Decimal:BYTES}", DecimalSchema.Create(2).ToString());
    }
}
