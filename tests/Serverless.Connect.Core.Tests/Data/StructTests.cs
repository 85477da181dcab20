using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class StructTests
{
    private static readonly Schema _schema = SchemaBuilder.Struct().Name("com.example.Person")
        .Field("name", Schema.StringSchema)
        .Field("age", SchemaBuilder.Int32().Optional())
        .Field("country", SchemaBuilder.String().DefaultValue("NL"))
        .Field("nick", Schema.OptionalStringSchema)
        .Build();

    [Fact]
    public void Builder_PutAndGet()
    {
        var value = new StructBuilder(_schema).Put("name", "Ann").Put("age", 30).Build();

        Assert.Equal("Ann", value.Get("name"));
        Assert.Equal(30, value.GetInt32("age"));
        Assert.Equal("Ann", value.GetString("name"));
        Assert.Same(_schema, value.Schema);
    }

    [Fact]
    public void Builder_PutAfterBuild_LeavesTheBuiltStructUnchanged()
    {
        var builder = new StructBuilder(_schema).Put("name", "Ann").Put("age", 30);
        var first = builder.Build();
        var second = builder.Put("name", "Bob").Put("nick", "b").Build();

        Assert.Equal("Ann", first.Get("name"));
        Assert.Null(first.Get("nick"));
        Assert.Equal("Bob", second.Get("name"));
        Assert.Equal(30, second.GetInt32("age"));
        Assert.Equal("b", second.Get("nick"));
    }

    [Fact]
    public void Get_ReturnsDefault_ForUnsetField_ButGetWithoutDefaultDoesNot()
    {
        var value = new StructBuilder(_schema).Put("name", "Ann").Build();

        Assert.Equal("NL", value.Get("country"));
        Assert.Equal("NL", value.GetString("country"));
        Assert.Null(value.GetWithoutDefault("country"));
        Assert.Null(value.Get("nick"));
    }

    [Fact]
    public void Put_WrongType_Throws()
    {
        var e = Assert.Throws<DataException>(() => new StructBuilder(_schema).Put("age", "thirty"));
        Assert.Equal("Invalid .NET object for schema with type INT32: System.String for field: \"age\"", e.Message);
    }

    [Fact]
    public void Put_NullForRequired_Throws() =>
        Assert.Throws<DataException>(() => new StructBuilder(_schema).Put("name", null));

    [Fact]
    public void Put_UnknownField_Throws()
    {
        var e = Assert.Throws<DataException>(() => new StructBuilder(_schema).Put("missing", 1));
        Assert.Equal("missing is not a valid field name", e.Message);
    }

    [Fact]
    public void Validate_MissingRequiredField_Throws_ButOptionalAndDefaultedAreFine()
    {
        var incomplete = new StructBuilder(_schema).Put("age", 3).Build();
        var e = Assert.Throws<DataException>(incomplete.Validate);
        Assert.Equal("Invalid value: null used for required field: \"name\", schema type: STRING", e.Message);

        new StructBuilder(_schema).Put("name", "Ann").BuildValidated().Validate();
    }

    [Fact]
    public void Constructor_RejectsNonStructSchema() =>
        Assert.Throws<DataException>(() => new StructBuilder(Schema.Int32Schema));

    [Fact]
    public void With_ReturnsNewStruct_AndLeavesOriginalUnchanged()
    {
        var original = new StructBuilder(_schema).Put("name", "Ann").Build();
        var changed = original.With("name", "Bob");

        Assert.Equal("Ann", original.Get("name"));
        Assert.Equal("Bob", changed.Get("name"));
        Assert.NotSame(original, changed);
        Assert.Throws<DataException>(() => original.With("age", 1L));
    }

    [Fact]
    public void ToBuilder_CopiesValues_WithoutSharingState()
    {
        var original = new StructBuilder(_schema).Put("name", "Ann").Build();
        var builder = original.ToBuilder().Put("name", "Bob");

        Assert.Equal("Ann", original.Get("name"));
        Assert.Equal("Bob", builder.Build().Get("name"));
    }

    [Fact]
    public void BuilderReuse_DoesNotAffectBuiltStructs()
    {
        var builder = new StructBuilder(_schema).Put("name", "Ann");
        var first = builder.Build();
        builder.Put("name", "Bob");

        Assert.Equal("Ann", first.Get("name"));
    }

    [Fact]
    public void Equality_IsStructural_IncludingBytes()
    {
        var schema = SchemaBuilder.Struct().Field("b", Schema.BytesSchema).Field("l", SchemaBuilder.Array(Schema.Int32Schema)).Build();
        var left = new StructBuilder(schema).Put("b", new byte[] { 1, 2 }).Put("l", new List<object?> { 1 }).Build();
        var right = new StructBuilder(schema).Put("b", new byte[] { 1, 2 }).Put("l", new object?[] { 1 }).Build();

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, left.With("b", new byte[] { 1 }));
    }

    [Fact]
    public void TypedGetter_WrongType_Throws()
    {
        var value = new StructBuilder(_schema).Put("name", "Ann").Build();
        var e = Assert.Throws<DataException>(() => value.GetInt64("name"));
        Assert.Equal("Field 'name' is not of type INT64", e.Message);
    }

    [Fact]
    public void GetByField_ChecksFieldBelongsToSchema()
    {
        var value = new StructBuilder(_schema).Put("name", "Ann").Build();
        var foreign = SchemaBuilder.Struct().Field("other", Schema.StringSchema).Build().Fields[0];

        Assert.Equal("Ann", value.Get(_schema.Fields[0]));
        Assert.Throws<DataException>(() => value.Get(foreign));
    }

    [Fact]
    public void ToString_MatchesKafkaFormat_SkippingUnsetFields()
    {
        var nested = SchemaBuilder.Struct().Field("d", Schema.Float64Schema).Field("l", SchemaBuilder.Array(Schema.Int32Schema))
            .Field("m", SchemaBuilder.Map(Schema.StringSchema, Schema.BooleanSchema)).Build();
        var value = new StructBuilder(nested).Put("d", 1.0).Put("l", new List<object?> { 1, 2 })
            .Put("m", new Dictionary<object, object?> { ["k"] = true }).Build();

        Assert.Equal("Struct{name=Ann,age=3}", new StructBuilder(_schema).Put("name", "Ann").Put("age", 3).Build().ToString());
        Assert.Equal("Struct{d=1.0,l=[1, 2],m={k=true}}", value.ToString());
    }
}
