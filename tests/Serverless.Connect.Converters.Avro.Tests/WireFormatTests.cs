using System.Buffers.Binary;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Confluent's framing (magic byte, big-endian id), the Avro body, and which registry calls are made and cached.</summary>
public sealed class WireFormatTests : IClassFixture<RegistryFixture>
{
    private readonly RegistryFixture _registry;

    public WireFormatTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public void Int32_IsMagicByteThenIdThenZigZagVarint()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();

        var bytes = converter.FromConnectData(topic, Schema.Int32Schema, -3)!;

        var id = _registry.Server.Store.Versions(topic + "-value")![0].Id;
        Assert.Equal(0, bytes[0]);
        Assert.Equal(id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        Assert.Equal(new byte[] { 0x05 }, bytes[5..]);
    }

    [Fact]
    public void Struct_BodyIsFieldsInOrder_WithUnionBranchIndexes()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("w.Row").Field("id", Schema.Int32Schema).Field("email", Schema.OptionalStringSchema).Build();

        var withNull = converter.FromConnectData(topic, schema, new StructBuilder(schema).Put("id", 1).Build())!;
        var withText = converter.FromConnectData(topic, schema, new StructBuilder(schema).Put("id", 1).Put("email", "a").Build())!;

        Assert.Equal(new byte[] { 0x02, 0x00 }, withNull[5..]);
        Assert.Equal(new byte[] { 0x02, 0x02, 0x02, (byte)'a' }, withText[5..]);
    }

    [Fact]
    public void RegistryCalls_AreMadeOncePerSchema()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var subject = topic + "-value";

        // A schema no other test uses, because ids are global and other tests read their own.
        var schema = SchemaBuilder.String().Doc(topic).Build();
        var first = converter.FromConnectData(topic, schema, "a");
        converter.FromConnectData(topic, schema, "b");
        converter.ToConnectData(topic, first);
        converter.ToConnectData(topic, first);

        var id = _registry.Server.Store.Versions(subject)![0].Id;
        Assert.Equal(1, _registry.Server.CountRequests($"POST /subjects/{subject}/versions"));
        Assert.Equal(1, _registry.Server.CountRequests($"GET /schemas/ids/{id}"));
        Assert.Equal(1, _registry.Server.CountRequests($"POST /subjects/{subject}?"));
    }

    [Fact]
    public void KeyConverter_UsesTheKeySubject()
    {
        using var converter = TestConverters.Create(_registry.Server, isKey: true);
        var topic = TestConverters.Topic();

        converter.FromConnectData(topic, Schema.Int64Schema, 7L);

        Assert.NotNull(_registry.Server.Store.Versions(topic + "-key"));
        Assert.Null(_registry.Server.Store.Versions(topic + "-value"));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 2 })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { })]
    public void PayloadWithoutTheMagicByte_IsADataException(byte[] payload)
    {
        using var converter = TestConverters.Create(_registry.Server);

        var error = Assert.Throws<DataException>(() => converter.ToConnectData("t", payload));
        Assert.EndsWith("Unknown magic byte!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSchemaId_IsADataException_NamingTheId()
    {
        using var converter = TestConverters.Create(_registry.Server);

        var error = Assert.Throws<DataException>(() => converter.ToConnectData("t", new byte[] { 0, 0, 0, 0x27, 0x0F, 0 }));
        Assert.Contains("Error retrieving Avro value schema for id 9999", error.Message, StringComparison.Ordinal);
        Assert.Contains("40403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedBody_IsADataException()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var bytes = converter.FromConnectData(topic, Schema.StringSchema, "hello")!;

        Assert.Throws<DataException>(() => converter.ToConnectData(topic, bytes[..^2]));
    }
}
