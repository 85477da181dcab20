using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class ByteArrayConverterTests
{
    private readonly ByteArrayConverter _converter = (ByteArrayConverter)new ByteArrayConverter().ConfigureDefaults();

    [Fact]
    public void Bytes_PassThroughUnchanged()
    {
        var bytes = new byte[] { 1, 2, 3 };

        Assert.Same(bytes, _converter.FromConnectData("t", Schema.BytesSchema, bytes));
        Assert.Same(bytes, _converter.FromConnectData("t", null, bytes));
    }

    [Fact]
    public void Null_IsKafkaNull()
    {
        Assert.Null(_converter.FromConnectData("t", Schema.OptionalBytesSchema, null));
        Assert.Equal(new SchemaAndValue(Schema.OptionalBytesSchema, null), _converter.ToConnectData("t", null));
    }

    [Fact]
    public void ToConnect_CopiesBytes_WithOptionalBytesSchema()
    {
        var result = _converter.ToConnectData("t", null, new byte[] { 9, 8 }, isNull: false);
        Assert.Equal(new SchemaAndValue(Schema.OptionalBytesSchema, new byte[] { 9, 8 }), result);
    }

    [Fact]
    public void NonBytesValue_ThrowsDataException()
    {
        var e = Assert.Throws<DataException>(() => _converter.FromConnectData("t", null, "a string"));
        Assert.Equal("ByteArrayConverter is not compatible with objects of type System.String", e.Message);
    }

    [Fact]
    public void NonBytesSchema_ThrowsDataException()
    {
        var e = Assert.Throws<DataException>(() => _converter.FromConnectData("t", Schema.Int32Schema, new byte[] { 1 }));
        Assert.Equal("Invalid schema type for ByteArrayConverter: INT32", e.Message);
    }
}
