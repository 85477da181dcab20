using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class JsonConverterNullHandlingTests
{
    private static readonly Schema _withDefault = SchemaBuilder.Struct()
        .Field("snapshot", SchemaBuilder.String().Optional().DefaultValue("false"))
        .Field("count", SchemaBuilder.Int32().DefaultValue(0))
        .Build();

    [Fact]
    public void NullSchemaAndValue_IsKafkaNull()
    {
        Assert.Null(Converters.Json().FromConnectData("t", null, null, null));
        Assert.Null(Converters.Json(schemas: false).FromConnectData("t", null, null, null));
    }

    [Fact]
    public void NullValueWithSchema_IsNotATombstone()
    {
        Assert.Equal("{\"schema\":{\"type\":\"string\",\"optional\":true},\"payload\":null}", Converters.Json().Write(Schema.OptionalStringSchema, null));
        Assert.Equal("null", Converters.Json(schemas: false).Write(Schema.OptionalStringSchema, null));
    }

    [Fact]
    public void KafkaNull_ReadsAsNullSchemaAndValue()
    {
        Assert.Equal(SchemaAndValue.Null, Converters.Json().ToConnectData("t", null, default, isNull: true));
        Assert.Equal(SchemaAndValue.Null, Converters.Json(schemas: false).ToConnectData("t", null, default, isNull: true));
    }

    [Fact]
    public void NullRequiredWithoutDefault_Throws()
    {
        var e = Assert.Throws<DataException>(() => Converters.Json(schemas: false).Write(Schema.Int32Schema, null));
        Assert.Equal("Conversion error: null value for field that is required and has no default value", e.Message);
    }

    [Fact]
    public void NullFieldWithDefault_IsReplaced_ByDefault()
    {
        var value = new StructBuilder(_withDefault).Build();

        Assert.Equal("{\"snapshot\":\"false\",\"count\":0}", Converters.Json(schemas: false).Write(_withDefault, value));
        Assert.Equal("7", Converters.Json(schemas: false).Write(SchemaBuilder.Int32().DefaultValue(7).Build(), null));
    }

    [Fact]
    public void ReplaceNullWithDefaultFalse_WritesNullForOptional_AndFailsForRequired()
    {
        var converter = Converters.Json(schemas: false, replaceNullWithDefault: false);
        var optionalOnly = SchemaBuilder.Struct().Field("snapshot", SchemaBuilder.String().Optional().DefaultValue("false")).Build();

        Assert.Equal("{\"snapshot\":null}", converter.Write(optionalOnly, new StructBuilder(optionalOnly).Build()));
        Assert.Throws<DataException>(() => converter.Write(_withDefault, new StructBuilder(_withDefault).Build()));
    }

    [Fact]
    public void ReadingNull_UsesDefaultUnlessDisabled()
    {
        const string json = "{\"schema\":{\"type\":\"string\",\"optional\":true,\"default\":\"false\"},\"payload\":null}";

        Assert.Equal("false", Converters.Json().Read(json).Value);
        Assert.Null(Converters.Json(replaceNullWithDefault: false).Read(json).Value);
    }
}
