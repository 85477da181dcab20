using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;
using static Serverless.Connect.Transforms.Tests.Kafka.SmtTestSupport;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class InsertFieldTests
{
    private const long Timestamp = 1_483_425_001_864L;

    private static readonly (string, string)[] AllFields =
    [
        ("topic.field", "topic_field!"),
        ("partition.field", "partition_field"),
        ("offset.field", "offset_field"),
        ("timestamp.field", "timestamp_field?"),
        ("static.field", "instance_id"),
        ("static.value", "my-instance-id"),
    ];

    private static readonly Schema SimpleSchema = SchemaBuilder.Struct().Name("name").Version(1).Doc("doc")
        .Field("magic", Schema.OptionalInt64Schema).Build();

    [Fact]
    public void WithSchema_TopLevelNotStruct_Fails()
    {
        var transform = Configured<InsertField.Value>(("topic.field", "topic_field"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SinkRecord(null, null, Schema.Int32Schema, 42)));
        Assert.Equal("Only Struct objects supported for [field insertion], found: java.lang.Integer", error.Message);
    }

    [Fact]
    public void WithSchema_CopiesSchemaAndInsertsConfiguredFields()
    {
        var transform = Configured<InsertField.Value>(AllFields);
        var record = SinkRecord(null, null, SimpleSchema, new StructBuilder(SimpleSchema).Put("magic", 42L).Build(), offset: 789);

        var result = transform.ApplyUnmutated(record)!;

        var schema = result.ValueSchema!;
        Assert.Equal("name", schema.Name);
        Assert.Equal(1, schema.Version);
        Assert.Equal("doc", schema.Doc);
        Assert.Equal(Schema.OptionalInt64Schema, schema.FieldByName("magic")!.Schema);
        Assert.Equal(Schema.StringSchema, schema.FieldByName("topic_field")!.Schema);
        Assert.Equal(Schema.OptionalInt32Schema, schema.FieldByName("partition_field")!.Schema);
        Assert.Equal(Schema.OptionalInt64Schema, schema.FieldByName("offset_field")!.Schema);
        Assert.Equal(TimestampSchema.Builder().Optional().Build(), schema.FieldByName("timestamp_field")!.Schema);
        Assert.Equal(Schema.OptionalStringSchema, schema.FieldByName("instance_id")!.Schema);
        var value = (Struct)result.Value!;
        Assert.Equal(42L, value.GetInt64("magic"));
        Assert.Equal("test", value.GetString("topic_field"));
        Assert.Equal(0, value.GetInt32("partition_field"));
        Assert.Equal(789L, value.GetInt64("offset_field"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Timestamp), value.Get("timestamp_field"));
        Assert.Equal("my-instance-id", value.GetString("instance_id"));
        Assert.Equal(["magic", "topic_field", "partition_field", "offset_field", "timestamp_field", "instance_id"],
            schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void WithSchema_SameSchemaTwice_ReusesDerivedSchema()
    {
        var transform = Configured<InsertField.Value>(("topic.field", "t"));
        var value = new StructBuilder(SimpleSchema).Put("magic", 1L).Build();
        var first = transform.Apply(SinkRecord(null, null, SimpleSchema, value))!;
        var second = transform.Apply(SinkRecord(null, null, SimpleSchema, value))!;
        Assert.Same(first.ValueSchema, second.ValueSchema);
    }

    [Fact]
    public void Schemaless_InsertsConfiguredFields()
    {
        var transform = Configured<InsertField.Value>(AllFields);
        var result = transform.ApplyUnmutated(SinkRecord(null, null, null, MutableMap(("magic", 42L)), offset: 789))!;

        Assert.Null(result.ValueSchema);
        var map = AsMap(result.Value);
        Assert.Equal(42L, map["magic"]);
        Assert.Equal("test", map["topic_field"]);
        Assert.Equal(0, map["partition_field"]);
        Assert.Equal(789L, map["offset_field"]);
        Assert.Equal(Timestamp, map["timestamp_field"]);
        Assert.Equal("my-instance-id", map["instance_id"]);
    }

    [Fact]
    public void MissingPartitionAndTimestamp_AreNotInserted()
    {
        var transform = Configured<InsertField.Value>(("partition.field", "p"), ("timestamp.field", "ts"));
        var record = new ConnectRecord("test", null, null, null, SimpleSchema, new StructBuilder(SimpleSchema).Put("magic", 1L).Build());
        var withSchema = (Struct)transform.ApplyUnmutated(record)!.Value!;
        Assert.Null(withSchema.Get("p"));
        Assert.Null(withSchema.Get("ts"));
        var schemaless = AsMap(transform.ApplyUnmutated(record with { ValueSchema = null, Value = Map(("magic", 1L)) })!.Value);
        Assert.False(schemaless.ContainsKey("p"));
        Assert.False(schemaless.ContainsKey("ts"));
    }

    [Fact]
    public void RequiredSuffix_MakesFieldRequired_OptionalSuffixAndNoneKeepOptional()
    {
        var transform = Configured<InsertField.Value>(("topic.field", "a!"), ("partition.field", "b?"), ("static.field", "c"), ("static.value", "v"));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, SimpleSchema, new StructBuilder(SimpleSchema).Build()))!;
        Assert.False(result.ValueSchema!.FieldByName("a")!.Schema.IsOptional);
        Assert.True(result.ValueSchema.FieldByName("b")!.Schema.IsOptional);
        Assert.True(result.ValueSchema.FieldByName("c")!.Schema.IsOptional);
    }

    [Fact]
    public void ValueTombstoneWithoutSchema_PassesThrough()
    {
        var record = SinkRecord(null, null, null, null);
        Assert.Same(record, Configured<InsertField.Value>(AllFields).ApplyUnmutated(record));
    }

    [Fact]
    public void ValueTombstoneWithSchema_PassesThrough()
    {
        var record = SinkRecord(null, null, SimpleSchema, null);
        Assert.Same(record, Configured<InsertField.Value>(AllFields).ApplyUnmutated(record));
    }

    [Fact]
    public void Key_InsertsIntoKeyOfTombstone()
    {
        var transform = Configured<InsertField.Key>(("topic.field", "topic_field"));
        var result = transform.ApplyUnmutated(SinkRecord(null, Map(("id", 1)), null, null))!;
        Assert.Equal("test", AsMap(result.Key)["topic_field"]);
        Assert.Null(result.Value);
    }

    [Fact]
    public void OffsetOnSourceRecord_Fails()
    {
        var transform = Configured<InsertField.Value>(("offset.field", "offset"));
        var error = Assert.Throws<DataException>(() => transform.Apply(SourceRecord(null, null, null, Map(("a", 1)))));
        Assert.Equal("Only SinkRecord supported for [field insertion], found: org.apache.kafka.connect.source.SourceRecord", error.Message);
    }

    [Theory]
    [InlineData("true", 5L)]
    [InlineData("false", null)]
    public void ReplaceNullWithDefault_AppliesToCopiedFields(string replace, long? expected)
    {
        var schema = SchemaBuilder.Struct().Field("n", SchemaBuilder.Int64().Optional().DefaultValue(5L).Build()).Build();
        var transform = Configured<InsertField.Value>(("topic.field", "t"), ("replace.null.with.default", replace));
        var result = transform.ApplyUnmutated(SinkRecord(null, null, schema, new StructBuilder(schema).Put("n", null).Build()))!;
        Assert.Equal(expected, ((Struct)result.Value!).GetWithoutDefault("n"));
    }

    [Fact]
    public void Configure_NothingToInsert_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<InsertField.Value>());
        Assert.Equal("No field insertion configured", error.Message);
    }

    [Fact]
    public void Configure_StaticFieldWithoutValue_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Configured<InsertField.Value>(("static.field", "instance_id")));
        Assert.Equal("Invalid value null for configuration static.value: No value specified for static field: instance_id", error.Message);
        Assert.Equal("static.value", error.Key);
    }

    [Fact]
    public void ConfigDef_HasKafkasKeys()
    {
        Assert.Equal(["topic.field", "partition.field", "offset.field", "timestamp.field", "static.field", "static.value", "replace.null.with.default"],
            InsertField.ConfigDef.Keys.Keys);
        Assert.Equal("org.apache.kafka.connect.transforms.InsertField$Value", InsertField.ValueClassName);
    }
}
