using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Kafka;

namespace Serverless.Connect.Transforms.Tests.Kafka;

public sealed class HeaderFromTests
{
    private static readonly Schema s_structFieldSchema = SchemaBuilder.Struct().Field("foo", Schema.StringSchema).Build();
    private static readonly Struct s_structField = new StructBuilder(s_structFieldSchema).Put("foo", "foo-value").Build();

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var key in new[] { true, false })
        {
            foreach (var name in new[] { "basic copy", "basic move", "copy with preexisting header", "move with preexisting header",
                "copy with struct value", "move with struct value", "two headers from same field", "two fields to same header" })
            {
                data.Add(name, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Schemaless_MatchesKafka(string name, bool key)
    {
        var (original, fields, headers, operation, expected) = Case(name);
        var result = Transform(key, fields, headers, operation).Apply(original.Schemaless(key));
        Assert.Equal(expected.Schemaless(key), result);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_WithSchema_MatchesKafka(string name, bool key)
    {
        var (original, fields, headers, operation, expected) = Case(name);
        var result = Transform(key, fields, headers, operation).Apply(original.WithSchema(key));
        Assert.Equal(expected.WithSchema(key), result);
    }

    [Fact]
    public void Apply_Move_KeepsSchemaMetadataButNotOptionality()
    {
        var schema = SchemaBuilder.Struct().Name("app.Value").Version(3).Doc("doc").Parameter("p", "v").Optional()
            .Field("id", Schema.Int32Schema).Field("secret", Schema.OptionalStringSchema).Build();
        var value = new StructBuilder(schema).Put("id", 1).Put("secret", "s").Build();
        var record = new ConnectRecord("t", 0, null, null, schema, value);
        var result = Transform(false, "secret", "secret", "move").Apply(record)!;
        var expectedSchema = SchemaBuilder.Struct().Name("app.Value").Version(3).Doc("doc").Parameter("p", "v").Field("id", Schema.Int32Schema).Build();
        Assert.Equal(expectedSchema, result.ValueSchema);
        Assert.Equal(new StructBuilder(expectedSchema).Put("id", 1).Build(), result.Value);
        Assert.Equal(new ConnectHeader("secret", Schema.OptionalStringSchema, "s"), result.Headers.Single());
    }

    [Theory]
    [InlineData("true", "fallback")]
    [InlineData("false", null)]
    public void Apply_ReplaceNullWithDefault_DecidesWhatANullFieldGives(string replace, string? expected)
    {
        var fieldSchema = SchemaBuilder.String().Optional().DefaultValue("fallback").Build();
        var schema = SchemaBuilder.Struct().Field("f", fieldSchema).Field("g", Schema.Int32Schema).Build();
        var record = new ConnectRecord("t", 0, null, null, schema, new StructBuilder(schema).Put("f", null).Put("g", 1).Build());
        var transform = new HeaderFrom.Value();
        transform.Configure(new Dictionary<string, string>
        {
            ["fields"] = "f", ["headers"] = "h", ["operation"] = "copy", ["replace.null.with.default"] = replace,
        });
        Assert.Equal(expected, transform.Apply(record)!.Headers.Single().Value);
    }

    [Fact]
    public void Apply_SchemalessMissingField_GivesNullHeader()
    {
        var record = new ConnectRecord("t", 0, null, null, null, ConnectMap.Create([new("a", 1)]));
        var result = Transform(false, "missing", "h", "move").Apply(record)!;
        Assert.Equal(new ConnectHeader("h", null, null), result.Headers.Single());
        Assert.Equal(ConnectMap.Create([new("a", 1)]), result.Value);
    }

    [Fact]
    public void Apply_FieldMissingFromSchema_ThrowsDataException()
    {
        var schema = SchemaBuilder.Struct().Field("a", Schema.Int32Schema).Build();
        var record = new ConnectRecord("t", 0, null, null, schema, new StructBuilder(schema).Put("a", 1).Build());
        Assert.Throws<DataException>(() => Transform(false, "missing", "h", "copy").Apply(record));
    }

    [Theory]
    [InlineData(null, "Only Map objects supported in absence of schema for [header move], found: null")]
    [InlineData("text", "Only Map objects supported in absence of schema for [header move], found: java.lang.String")]
    public void Apply_SchemalessNonMap_ThrowsKafkasMessage(string? value, string message)
    {
        var record = new ConnectRecord("t", 0, null, null, null, value);
        Assert.Equal(message, Assert.Throws<DataException>(() => Transform(false, "a", "h", "move").Apply(record)).Message);
    }

    [Fact]
    public void Apply_WithSchemaNonStruct_ThrowsKafkasMessage()
    {
        var record = new ConnectRecord("t", 0, Schema.StringSchema, "k", null, null);
        var e = Assert.Throws<DataException>(() => Transform(true, "a", "h", "copy").Apply(record));
        Assert.Equal("Only Struct objects supported for [header copy], found: java.lang.String", e.Message);
    }

    [Theory]
    [InlineData("foo", "foo,bar")]
    [InlineData("foo,bar", "foo")]
    public void Configure_DifferentListLengths_Throws(string fields, string headers)
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Transform(false, fields, headers, "copy"));
        Assert.Equal("'fields' config must have the same number of elements as 'headers' config.", e.Message);
    }

    [Fact]
    public void Configure_EmptyLists_Throw() => Assert.ThrowsAny<ConfigException>(() => Transform(true, "", "", "copy"));

    [Fact]
    public void Configure_UnknownOperation_Throws()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => Transform(true, "a", "b", "swap"));
        Assert.Equal("Invalid value swap for configuration operation: String must be one of: move, copy", e.Message);
    }

    private static HeaderFrom Transform(bool key, string fields, string headers, string operation)
    {
        HeaderFrom transform = key ? new HeaderFrom.Key() : new HeaderFrom.Value();
        transform.Configure(new Dictionary<string, string> { ["fields"] = fields, ["headers"] = headers, ["operation"] = operation });
        return transform;
    }

    private static (HeaderFromRecordBuilder Original, string Fields, string Headers, string Operation, HeaderFromRecordBuilder Expected) Case(string name)
    {
        var s = Schema.StringSchema;
        HeaderFromRecordBuilder Two() => new HeaderFromRecordBuilder().WithField("field1", s, "field1-value").WithField("field2", s, "field2-value");
        return name switch
        {
            "basic copy" => (Two().AddHeader("header1", s, "existing-value"), "field1", "inserted1", "copy",
                Two().AddHeader("header1", s, "existing-value").AddHeader("inserted1", s, "field1-value")),
            "basic move" => (Two().AddHeader("header1", s, "existing-value"), "field1", "inserted1", "move",
                new HeaderFromRecordBuilder().WithField("field2", s, "field2-value")
                    .AddHeader("header1", s, "existing-value").AddHeader("inserted1", s, "field1-value")),
            "copy with preexisting header" => (Two().AddHeader("inserted1", s, "existing-value"), "field1", "inserted1", "copy",
                Two().AddHeader("inserted1", s, "existing-value").AddHeader("inserted1", s, "field1-value")),
            "move with preexisting header" => (Two().AddHeader("inserted1", s, "existing-value"), "field1", "inserted1", "move",
                new HeaderFromRecordBuilder().WithField("field2", s, "field2-value")
                    .AddHeader("inserted1", s, "existing-value").AddHeader("inserted1", s, "field1-value")),
            "copy with struct value" => (
                new HeaderFromRecordBuilder().WithField("field1", s_structFieldSchema, s_structField).WithField("field2", s, "field2-value")
                    .AddHeader("header1", s, "existing-value"),
                "field1", "inserted1", "copy",
                new HeaderFromRecordBuilder().WithField("field1", s_structFieldSchema, s_structField).WithField("field2", s, "field2-value")
                    .AddHeader("header1", s, "existing-value").AddHeader("inserted1", s_structFieldSchema, s_structField)),
            "move with struct value" => (
                new HeaderFromRecordBuilder().WithField("field1", s_structFieldSchema, s_structField).WithField("field2", s, "field2-value")
                    .AddHeader("header1", s, "existing-value"),
                "field1", "inserted1", "move",
                new HeaderFromRecordBuilder().WithField("field2", s, "field2-value")
                    .AddHeader("header1", s, "existing-value").AddHeader("inserted1", s_structFieldSchema, s_structField)),
            "two headers from same field" => (Two().AddHeader("header1", s, "existing-value"), "field1,field1", "inserted1,inserted2", "move",
                new HeaderFromRecordBuilder().WithField("field2", s, "field2-value").AddHeader("header1", s, "existing-value")
                    .AddHeader("inserted1", s, "field1-value").AddHeader("inserted2", s, "field1-value")),
            "two fields to same header" => (Two().AddHeader("header1", s, "existing-value"), "field1,field2", "inserted1,inserted1", "move",
                new HeaderFromRecordBuilder().AddHeader("header1", s, "existing-value")
                    .AddHeader("inserted1", s, "field1-value").AddHeader("inserted1", s, "field2-value")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
