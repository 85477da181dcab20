using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class ConverterRegistryTests
{
    [Theory]
    [InlineData("org.apache.kafka.connect.json.JsonConverter", typeof(JsonConverter))]
    [InlineData("org.apache.kafka.connect.storage.StringConverter", typeof(StringConverter))]
    [InlineData("org.apache.kafka.connect.converters.ByteArrayConverter", typeof(ByteArrayConverter))]
    [InlineData(" org.apache.kafka.connect.json.JsonConverter ", typeof(JsonConverter))]
    [InlineData("JsonConverter", typeof(JsonConverter))]
    public void BuiltIns_Resolve(string className, Type expected) =>
        Assert.IsType(expected, ConverterRegistry.Default.Create(className));

    [Fact]
    public void Create_ReturnsNewInstances() =>
        Assert.NotSame(ConverterRegistry.Default.Create("JsonConverter"), ConverterRegistry.Default.Create("JsonConverter"));

    [Fact]
    public void Unknown_ThrowsListingSupportedNames()
    {
        var e = Assert.Throws<ConnectException>(() => ConverterRegistry.CreateWithBuiltIns().Create("io.confluent.connect.avro.AvroConverter"));

        Assert.Contains("io.confluent.connect.avro.AvroConverter", e.Message, StringComparison.Ordinal);
        Assert.Contains(ConverterRegistry.JsonConverterClass, e.Message, StringComparison.Ordinal);
        Assert.Contains(ConverterRegistry.StringConverterClass, e.Message, StringComparison.Ordinal);
        Assert.Contains(ConverterRegistry.ByteArrayConverterClass, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_AddsNewConverter()
    {
        var registry = ConverterRegistry.CreateWithBuiltIns();
        registry.Register("io.confluent.connect.avro.AvroConverter", () => new ByteArrayConverter());

        Assert.True(registry.IsSupported("io.confluent.connect.avro.AvroConverter"));
        Assert.Contains("io.confluent.connect.avro.AvroConverter", registry.SupportedClassNames);
        Assert.False(ConverterRegistry.CreateWithBuiltIns().IsSupported("io.confluent.connect.avro.AvroConverter"));
    }

    [Fact]
    public void Create_WithConfigs_ConfiguresTheConverter()
    {
        var converter = ConverterRegistry.Default.Create(
            ConverterRegistry.JsonConverterClass, new Dictionary<string, string> { ["schemas.enable"] = "false" }, isKey: true);

        Assert.Equal("1", converter.Write(Schema.Int32Schema, 1));
    }
}
