using System.Text;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class StringConverterTests
{
    private static StringConverter Create(string? encoding = null)
    {
        var converter = new StringConverter();
        var configs = new Dictionary<string, string>();
        if (encoding is not null)
        {
            configs[StringConverter.EncodingConfig] = encoding;
        }

        converter.Configure(configs, isKey: true);
        return converter;
    }

    [Fact]
    public void String_IsWrittenAsUtf8_IgnoringSchema()
    {
        Assert.Equal("héllo"u8.ToArray(), Create().FromConnectData("t", Schema.Int32Schema, "héllo"));
        Assert.Equal("UTF-8", Create().EncodingName);
    }

    [Fact]
    public void NonStringValues_UseJavaToString()
    {
        var converter = Create();

        Assert.Equal("42", converter.Write(null, 42));
        Assert.Equal("true", converter.Write(null, true));
        Assert.Equal("1.0", converter.Write(null, 1.0));
        Assert.Equal("1.50", converter.Write(null, new ConnectDecimal(150, 2)));
        Assert.Equal("[1, 2]", converter.Write(null, new List<object?> { 1L, 2L }));
        var schema = SchemaBuilder.Struct().Field("id", Schema.Int32Schema).Build();
        Assert.Equal("Struct{id=12}", converter.Write(schema, new StructBuilder(schema).Put("id", 12).Build()));
    }

    [Fact]
    public void Null_IsKafkaNullBothWays()
    {
        Assert.Null(Create().FromConnectData("t", Schema.OptionalStringSchema, null));
        Assert.Equal(new SchemaAndValue(Schema.OptionalStringSchema, null), Create().ToConnectData("t", null));
    }

    [Fact]
    public void Bytes_ReadAsOptionalString()
    {
        Assert.Equal(new SchemaAndValue(Schema.OptionalStringSchema, "abc"), Create().ToConnectData("t", "abc"u8.ToArray()));
        Assert.Equal(new SchemaAndValue(Schema.OptionalStringSchema, string.Empty), Create().ToConnectData("t", []));
    }

    [Fact]
    public void Encoding_IsConfigurable()
    {
        Assert.Equal(new byte[] { 0xE9 }, Create("ISO-8859-1").FromConnectData("t", null, "é"));
        Assert.Equal("é", Create("latin1").ToConnectData("t", [0xE9]).Value);
        Assert.Equal(new byte[] { 0x00, 0x41 }, Create("UTF-16BE").FromConnectData("t", null, "A"));
        Assert.Equal(new byte[] { 0xFE, 0xFF, 0x00, 0x41 }, Create("UTF-16").FromConnectData("t", null, "A"));
        Assert.Equal("A", Create("UTF-16").ToConnectData("t", [0xFF, 0xFE, 0x41, 0x00]).Value);
        Assert.Equal("?", Encoding.ASCII.GetString(Create("US-ASCII").FromConnectData("t", null, "é")!));
    }

    [Fact]
    public void InvalidInput_UsesJavaReplacements()
    {
        Assert.Equal("a\uFFFDb", Create().ToConnectData("t", [0x61, 0xFF, 0x62]).Value);
        Assert.Equal("?"u8.ToArray(), Create().FromConnectData("t", null, "\uD800"));
    }

    [Fact]
    public void UnknownEncoding_Throws() =>
        Assert.Throws<ConverterConfigException>(() => Create("no-such-charset"));
}
