using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class SchemaEqualityTests
{
    [Fact]
    public void StructurallyEqualSchemas_AreEqual_WithSameHash()
    {
        static Schema Build() => SchemaBuilder.Struct().Name("n").Version(2).Doc("d").Parameter("a", "1").Parameter("b", "2")
            .Field("id", Schema.Int64Schema)
            .Field("tags", SchemaBuilder.Map(Schema.StringSchema, SchemaBuilder.Array(Schema.OptionalStringSchema).Build()))
            .Build();

        var left = Build();
        var right = Build();

        Assert.NotSame(left, right);
        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void ParameterOrder_DoesNotAffectEquality()
    {
        var left = SchemaBuilder.Bytes().Parameter("a", "1").Parameter("b", "2").Build();
        var right = SchemaBuilder.Bytes().Parameter("b", "2").Parameter("a", "1").Build();

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    public static TheoryData<Schema> DifferentSchemas() =>
    [
        SchemaBuilder.Int64().Build(),
        SchemaBuilder.Int32().Optional().Build(),
        SchemaBuilder.Int32().Name("x").Build(),
        SchemaBuilder.Int32().Version(1).Build(),
        SchemaBuilder.Int32().Doc("x").Build(),
        SchemaBuilder.Int32().Parameter("a", "b").Build(),
        SchemaBuilder.Int32().DefaultValue(5).Build(),
    ];

    [Theory]
    [MemberData(nameof(DifferentSchemas))]
    public void AnyDifference_MakesSchemasUnequal(Schema other) => Assert.NotEqual(Schema.Int32Schema, other);

    [Fact]
    public void FieldNamesOrderAndSchemas_MatterForStructs()
    {
        var baseline = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Field("b", Schema.Int32Schema).Build();

        Assert.NotEqual(baseline, SchemaBuilder.Struct().Field("b", Schema.Int32Schema).Field("a", Schema.Int32Schema).Build());
        Assert.NotEqual(baseline, SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Field("c", Schema.Int32Schema).Build());
        Assert.NotEqual(baseline, SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Field("b", Schema.Int64Schema).Build());
    }

    [Fact]
    public void DefaultValues_AreComparedDeeply()
    {
        var left = SchemaBuilder.Bytes().DefaultValue(new byte[] { 1, 2 }).Build();
        var right = SchemaBuilder.Bytes().DefaultValue(new byte[] { 1, 2 }).Build();

        Assert.Equal(left, right);
        Assert.NotEqual(left, SchemaBuilder.Bytes().DefaultValue(new byte[] { 1, 3 }).Build());
    }

    [Fact]
    public void ArrayAndMapSchemas_CompareElementSchemas()
    {
        Assert.Equal(SchemaBuilder.Array(Schema.Int32Schema).Build(), SchemaBuilder.Array(Schema.Int32Schema).Build());
        Assert.NotEqual(SchemaBuilder.Array(Schema.Int32Schema).Build(), SchemaBuilder.Array(Schema.Int64Schema).Build());
        Assert.NotEqual(
            SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build(),
            SchemaBuilder.Map(Schema.Int32Schema, Schema.Int32Schema).Build());
    }
}
