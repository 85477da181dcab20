using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class SchemaValidationTests
{
    public static TheoryData<Schema, object> ValidValues() => new()
    {
        { Schema.Int8Schema, (sbyte)1 },
        { Schema.Int16Schema, (short)1 },
        { Schema.Int32Schema, 1 },
        { Schema.Int64Schema, 1L },
        { Schema.Float32Schema, 1f },
        { Schema.Float64Schema, 1d },
        { Schema.BooleanSchema, true },
        { Schema.StringSchema, "s" },
        { Schema.BytesSchema, new byte[] { 1 } },
        { SchemaBuilder.Array(Schema.Int32Schema).Build(), new List<object?> { 1, 2 } },
        { SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build(), new Dictionary<object, object?> { ["a"] = 1 } },
        { SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build(), new Dictionary<string, object?> { ["a"] = 1 } },
        { DecimalSchema.Create(2), new ConnectDecimal(156, 2) },
        { DateSchema.Schema, new DateOnly(2020, 1, 1) },
        { TimeSchema.Schema, new TimeOnly(1, 2, 3) },
        { TimestampSchema.Schema, DateTimeOffset.UnixEpoch },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void ValidValue_Passes(Schema schema, object value) => schema.ValidateValue(value);

    public static TheoryData<Schema, object> InvalidValues() => new()
    {
        { Schema.Int8Schema, 1 },
        { Schema.Int16Schema, 1 },
        { Schema.Int32Schema, 1L },
        { Schema.Int64Schema, 1 },
        { Schema.Float32Schema, 1d },
        { Schema.Float64Schema, 1f },
        { Schema.BooleanSchema, 1 },
        { Schema.StringSchema, 'c' },
        { Schema.BytesSchema, "bytes" },
        { SchemaBuilder.Array(Schema.Int32Schema).Build(), "not a list" },
        { SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build(), new List<object?>() },
        { DecimalSchema.Create(2), 1.56m },
        { DateSchema.Schema, 10 },
        { TimeSchema.Schema, DateTime.UnixEpoch },
        { TimestampSchema.Schema, 0L },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void InvalidValue_ThrowsDataException(Schema schema, object value) =>
        Assert.Throws<DataException>(() => schema.ValidateValue(value));

    [Fact]
    public void Null_IsValidOnlyForOptional()
    {
        Schema.OptionalInt32Schema.ValidateValue(null);
        var e = Assert.Throws<DataException>(() => Schema.Int32Schema.ValidateValue(null));
        Assert.Equal("Invalid value: null used for required value, schema type: INT32", e.Message);
    }

    [Fact]
    public void WrongType_MessageNamesFieldAndLogicalName()
    {
        var e = Assert.Throws<DataException>(() => Schema.ValidateValue("price", DecimalSchema.Create(2), 1.5));
        Assert.Equal(
            "Invalid .NET object for schema \"org.apache.kafka.connect.data.Decimal\" with type BYTES: System.Double for field: \"price\"",
            e.Message);
    }

    [Fact]
    public void ArrayElements_AreValidated_WithIndexInPath()
    {
        var schema = SchemaBuilder.Array(Schema.Int32Schema).Build();
        var e = Assert.Throws<DataException>(() => Schema.ValidateValue("ids", schema, new List<object?> { 1, null }));
        Assert.Equal("Invalid value: null used for required field: \"ids[1]\", schema type: INT32", e.Message);
    }

    [Fact]
    public void MapKeysAndValues_AreValidated()
    {
        var schema = SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build();
        Assert.Throws<DataException>(() => schema.ValidateValue(new Dictionary<object, object?> { [1] = 1 }));
        var e = Assert.Throws<DataException>(() => schema.ValidateValue(new Dictionary<object, object?> { ["k"] = "v" }));
        Assert.Contains("field: \"[k]\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedStruct_IsValidatedCompletely_WithDottedPath()
    {
        var inner = SchemaBuilder.Struct().Field("id", Schema.Int32Schema).Build();
        var outer = SchemaBuilder.Struct().Field("after", inner).Build();
        var incomplete = new StructBuilder(inner).Build();

        var e = Assert.Throws<DataException>(() => new StructBuilder(outer).Put("after", incomplete));
        Assert.Equal("Invalid value: null used for required field: \"after.id\", schema type: INT32", e.Message);
    }

    [Fact]
    public void StructWithDifferentSchema_IsRejected()
    {
        var a = SchemaBuilder.Struct().Field("id", Schema.Int32Schema).Build();
        var b = SchemaBuilder.Struct().Field("id", Schema.Int64Schema).Build();
        var value = new StructBuilder(b).Put("id", 1L).Build();

        var e = Assert.Throws<DataException>(() => a.ValidateValue(value));
        Assert.StartsWith("Struct schemas do not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StructWithEqualButDistinctSchema_IsAccepted()
    {
        static Schema Build() => SchemaBuilder.Struct().Field("id", Schema.Int32Schema).Build();
        var value = new StructBuilder(Build()).Put("id", 1).Build();

        Build().ValidateValue(value);
    }
}
