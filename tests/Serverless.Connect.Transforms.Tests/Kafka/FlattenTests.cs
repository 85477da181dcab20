using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class FlattenTests
{
    private static readonly Schema SupportedTypesSchema = SchemaBuilder.Struct()
        .Field("int8", Schema.Int8Schema).Field("int16", Schema.Int16Schema).Field("int32", Schema.Int32Schema)
        .Field("int64", Schema.Int64Schema).Field("float32", Schema.Float32Schema).Field("float64", Schema.Float64Schema)
        .Field("boolean", Schema.BooleanSchema).Field("string", Schema.StringSchema).Field("bytes", Schema.BytesSchema)
        .Build();

    [Fact]
    public void WithSchema_TopLevelNotStruct_Fails()
    {
        var transform = Configured<Flatten.Value>();
        Assert.Throws<DataException>(() => transform.Apply(SourceRecord(null, null, Schema.Int32Schema, 42)));
    }

    [Fact]
    public void Schemaless_TopLevelNotMap_Fails()
    {
        var transform = Configured<Flatten.Value>();
        var error = Assert.Throws<DataException>(() => transform.Apply(SourceRecord(null, null, null, 42)));
        Assert.Equal("Only Map objects supported in absence of schema for [flattening], found: java.lang.Integer", error.Message);
    }

    [Fact]
    public void WithSchema_NestedStruct_IsFlattenedWithDottedNames()
    {
        var supported = new StructBuilder(SupportedTypesSchema).Put("int8", (sbyte)8).Put("int16", (short)16).Put("int32", 32)
            .Put("int64", 64L).Put("float32", 32f).Put("float64", 64d).Put("boolean", true).Put("string", "stringy")
            .Put("bytes", "bytes"u8.ToArray()).Build();
        var oneLevel = SchemaBuilder.Struct().Field("B", SupportedTypesSchema).Build();
        var twoLevel = SchemaBuilder.Struct().Field("A", oneLevel).Build();
        var value = new StructBuilder(twoLevel).Put("A", new StructBuilder(oneLevel).Put("B", supported).Build()).Build();

        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, twoLevel, value))!;

        var flattened = Assert.IsType<Struct>(result.Value);
        Assert.Equal(9, flattened.Schema.Fields.Count);
        Assert.Equal((sbyte)8, flattened.GetInt8("A.B.int8"));
        Assert.Equal((short)16, flattened.GetInt16("A.B.int16"));
        Assert.Equal(32, flattened.GetInt32("A.B.int32"));
        Assert.Equal(64L, flattened.GetInt64("A.B.int64"));
        Assert.Equal(32f, flattened.GetFloat32("A.B.float32"));
        Assert.Equal(64d, flattened.GetFloat64("A.B.float64"));
        Assert.True(flattened.GetBoolean("A.B.boolean"));
        Assert.Equal("stringy", flattened.GetString("A.B.string"));
        Assert.Equal("bytes"u8.ToArray(), flattened.GetBytes("A.B.bytes"));
        Assert.Same(result.ValueSchema, flattened.Schema);
    }

    [Fact]
    public void Schemaless_NestedMapWithDelimiter_IsFlattened()
    {
        var supported = MutableMap(("int8", (sbyte)8), ("int16", (short)16), ("int32", 32), ("int64", 64L), ("float32", 32f),
            ("float64", 64d), ("boolean", true), ("string", "stringy"), ("bytes", "bytes"u8.ToArray()));
        var value = Map(("A", Map(("B", supported))));

        var result = Configured<Flatten.Value>(("delimiter", "#")).ApplyUnmutated(SourceRecord(null, null, null, value))!;

        Assert.Null(result.ValueSchema);
        var map = AsMap(result.Value);
        Assert.Equal(9, map.Count);
        Assert.Equal((sbyte)8, map["A#B#int8"]);
        Assert.Equal(32, map["A#B#int32"]);
        Assert.Equal("stringy", map["A#B#string"]);
        Assert.Equal("bytes"u8.ToArray(), map["A#B#bytes"]);
    }

    [Fact]
    public void WithSchema_OptionalFieldNull_StaysNull()
    {
        var inner = SchemaBuilder.Struct().Field("opt_int32", Schema.OptionalInt32Schema).Build();
        var outer = SchemaBuilder.Struct().Field("B", inner).Build();
        var value = new StructBuilder(outer).Put("B", new StructBuilder(inner).Put("opt_int32", null).Build()).Build();
        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, outer, value))!;
        Assert.Null(((Struct)result.Value!).Get("B.opt_int32"));
    }

    [Fact]
    public void WithSchema_NullOptionalNestedStruct_GivesNullFlattenedFields()
    {
        var inner = SchemaBuilder.Struct().Optional().Field("opt_int32", Schema.OptionalInt32Schema).Build();
        var outer = SchemaBuilder.Struct().Field("B", inner).Build();
        var value = new StructBuilder(outer).Put("B", null).Build();
        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, outer, value))!;
        Assert.Null(((Struct)result.Value!).Get("B.opt_int32"));
    }

    [Fact]
    public void WithSchema_Tombstone_PassesThroughUnchanged()
    {
        var schema = SchemaBuilder.Struct().Name("name").Version(1).Doc("doc").Field("magic", Schema.OptionalInt64Schema).Build();
        var record = SourceRecord(null, null, schema, null);
        Assert.Same(record, Configured<Flatten.Value>().ApplyUnmutated(record));
    }

    [Fact]
    public void Schemaless_Tombstone_PassesThroughUnchanged()
    {
        var record = SourceRecord(null, null, null, null);
        Assert.Same(record, Configured<Flatten.Value>().ApplyUnmutated(record));
    }

    [Fact]
    public void Key_Schemaless_IsFlattened()
    {
        var record = SourceRecord(null, Map(("A", Map(("B", 12)))), null, null);
        var result = Configured<Flatten.Key>().ApplyUnmutated(record)!;
        Assert.Null(result.KeySchema);
        Assert.Equal(12, AsMap(result.Key)["A.B"]);
    }

    [Fact]
    public void Schemaless_Arrays_AreKeptAsIs()
    {
        object value = Map(("foo", new List<object?> { "bar", Map(("baz", Map(("lfg", "lfg")))) }));
        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, null, value))!;
        Assert.True(ConnectValueComparer.Instance.Equals(value, result.Value));
    }

    [Fact]
    public void WithSchema_Arrays_AreKeptWithTheirSchema()
    {
        var nested = SchemaBuilder.Struct().Field("lfg", Schema.StringSchema).Build();
        var inner = SchemaBuilder.Struct().Field("baz", nested).Build();
        var schema = SchemaBuilder.Struct().Field("foo", SchemaBuilder.Array(inner).Doc("durk").Build()).Build();
        var innerValue = new StructBuilder(inner).Put("baz", new StructBuilder(nested).Put("lfg", "lfg").Build()).Build();
        var value = new StructBuilder(schema).Put("foo", new object?[] { innerValue }).Build();

        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, schema, value))!;

        Assert.Equal(schema, result.ValueSchema);
        Assert.Equal(value, result.Value);
    }

    [Fact]
    public void WithSchema_OptionalAndDefaultsFlowFromParent()
    {
        var builder = SchemaBuilder.Struct().Optional()
            .Field("req_field", Schema.StringSchema)
            .Field("opt_field", SchemaBuilder.String().Optional().DefaultValue("child_default").Build());
        var childDefault = new StructBuilder(builder.Build()).Put("req_field", "req_default").Build();
        var schema = builder.DefaultValue(childDefault).Build();
        var value = new StructBuilder(schema).Build();

        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, schema, value))!;

        Assert.Equal(2, result.ValueSchema!.Fields.Count);
        Assert.Equal(SchemaBuilder.String().Optional().DefaultValue("req_default").Build(), result.ValueSchema.FieldByName("req_field")!.Schema);
        Assert.Equal(SchemaBuilder.String().Optional().DefaultValue("child_default").Build(), result.ValueSchema.FieldByName("opt_field")!.Schema);
    }

    [Fact]
    public void Schemaless_NullEntries_AreAllKept()
    {
        var value = MutableMap(("firstNull", null), ("firstNonNull", "nonNull"), ("secondNull", null), ("secondNonNull", "alsoNonNull"), ("thirdNonNull", null));
        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, null, value))!;
        Assert.True(ConnectValueComparer.Instance.Equals(value, result.Value));
        Assert.Equal(["firstNull", "firstNonNull", "secondNull", "secondNonNull", "thirdNonNull"], AsMap(result.Value).Keys);
    }

    [Fact]
    public void WithSchema_NullFields_AreKept()
    {
        var schema = SchemaBuilder.Struct().Field("firstNull", Schema.OptionalStringSchema).Field("firstNonNull", Schema.OptionalStringSchema)
            .Field("secondNull", Schema.OptionalStringSchema).Build();
        var value = new StructBuilder(schema).Put("firstNull", null).Put("firstNonNull", "nonNull").Put("secondNull", null).Build();
        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, schema, value))!;
        Assert.Equal(value, result.Value);
    }

    [Fact]
    public void WithSchema_KeepsSchemaNameVersionAndDoc()
    {
        var schema = SchemaBuilder.Struct().Name("app.Value").Version(2).Doc("doc").Field("a", SchemaBuilder.Struct().Field("b", Schema.Int32Schema).Build()).Build();
        var value = new StructBuilder(schema).Put("a", new StructBuilder(schema.FieldByName("a")!.Schema).Put("b", 1).Build()).Build();
        var result = Configured<Flatten.Value>().ApplyUnmutated(SourceRecord(null, null, schema, value))!;
        Assert.Equal(SchemaBuilder.Struct().Name("app.Value").Version(2).Doc("doc").Field("a.b", Schema.Int32Schema).Build(), result.ValueSchema);
    }

    [Fact]
    public void WithSchema_MapField_IsRejected()
    {
        var schema = SchemaBuilder.Struct().Field("m", SchemaBuilder.Map(Schema.StringSchema, Schema.StringSchema).Build()).Build();
        var value = new StructBuilder(schema).Put("m", Map(("k", "v"))).Build();
        var error = Assert.Throws<DataException>(() => Configured<Flatten.Value>().Apply(SourceRecord(null, null, schema, value)));
        Assert.Equal("Flatten transformation does not support MAP for record with schemas (for field m).", error.Message);
    }

    [Fact]
    public void Schemaless_StructInsideMap_IsRejected()
    {
        var schema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();
        var value = Map(("s", new StructBuilder(schema).Put("a", 1).Build()));
        var error = Assert.Throws<DataException>(() => Configured<Flatten.Value>().Apply(SourceRecord(null, null, null, value)));
        Assert.Equal("Flatten transformation does not support class org.apache.kafka.connect.data.Struct for record without schemas (for field s).", error.Message);
    }

    [Fact]
    public void Schemaless_UnknownValueType_IsRejected()
    {
        var value = Map(("when", DateTimeOffset.UnixEpoch));
        var error = Assert.Throws<DataException>(() => Configured<Flatten.Value>().Apply(SourceRecord(null, null, null, value)));
        Assert.Equal("Flatten transformation was passed a value of type class java.util.Date which is not supported by Connect's data API", error.Message);
    }

    [Fact]
    public void ConfigDef_DelimiterDefaultsToDot()
    {
        Assert.Equal(".", Flatten.ConfigDef.Keys["delimiter"].DefaultValue);
        Assert.Equal("org.apache.kafka.connect.transforms.Flatten$Key", Flatten.KeyClassName);
    }
}
