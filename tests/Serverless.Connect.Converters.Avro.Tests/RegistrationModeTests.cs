using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary><c>auto.register.schemas</c> and <c>use.latest.version</c>.</summary>
public sealed class RegistrationModeTests : IClassFixture<RegistryFixture>
{
    private static readonly Schema _v1 = SchemaBuilder.Struct().Name("modes.Item").Field("id", Schema.Int32Schema).Build();

    private readonly RegistryFixture _registry;

    public RegistrationModeTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public void AutoRegisterFalse_WithoutTheSubject_IsAClearDataException_AndRegistersNothing()
    {
        using var converter = TestConverters.Create(_registry.Server, false, ("auto.register.schemas", "false"));
        var topic = TestConverters.Topic();

        var error = Assert.Throws<DataException>(() => converter.FromConnectData(topic, _v1, new StructBuilder(_v1).Put("id", 1).Build()));

        Assert.Contains($"Failed to serialize Avro data from topic {topic}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"subject '{topic}-value'", error.Message, StringComparison.Ordinal);
        Assert.Contains("40401", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto.register.schemas", error.Message, StringComparison.Ordinal);
        Assert.Null(_registry.Server.Store.Versions(topic + "-value"));
        Assert.Equal(0, _registry.Server.CountRequests($"POST /subjects/{topic}-value/versions"));
    }

    [Fact]
    public void AutoRegisterFalse_WithAnotherSchemaInTheSubject_ReportsSchemaNotFound()
    {
        var topic = TestConverters.Topic();
        _registry.Server.Register(topic + "-value", """{"type":"record","name":"Other","fields":[{"name":"x","type":"string"}]}""");
        using var converter = TestConverters.Create(_registry.Server, false, ("auto.register.schemas", "false"));

        var error = Assert.Throws<DataException>(() => converter.FromConnectData(topic, _v1, new StructBuilder(_v1).Put("id", 1).Build()));

        Assert.Contains("40403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoRegisterFalse_WithTheSchemaRegistered_LooksItUp()
    {
        var topic = TestConverters.Topic();
        using var converter = TestConverters.Create(_registry.Server, false, ("auto.register.schemas", "false"));
        var id = _registry.Server.Register(topic + "-value", converter.AvroSchemaFor(_v1));

        var bytes = converter.FromConnectData(topic, _v1, new StructBuilder(_v1).Put("id", 7).Build())!;

        Assert.Equal(id, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        Assert.Equal(1, _registry.Server.CountRequests($"POST /subjects/{topic}-value?"));
        Assert.Equal(0, _registry.Server.CountRequests($"POST /subjects/{topic}-value/versions"));
    }

    [Fact]
    public void UseLatestVersion_WritesWithTheLatestSchema_FillingItsDefaults()
    {
        var topic = TestConverters.Topic();
        var latest =
            """{"type":"record","name":"Item","namespace":"modes","fields":[{"name":"id","type":"int"},""" +
            """{"name":"label","type":"string","default":"none"}],"connect.name":"modes.Item"}""";
        var latestId = _registry.Server.Register(topic + "-value", latest);
        using var converter = TestConverters.Create(_registry.Server, false, ("auto.register.schemas", "false"), ("use.latest.version", "true"));

        var bytes = converter.FromConnectData(topic, _v1, new StructBuilder(_v1).Put("id", 3).Build())!;
        var back = converter.ToConnectData(topic, bytes);

        Assert.Equal(latestId, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        var value = Assert.IsType<Struct>(back.Value);
        Assert.Equal(3, value.Get("id"));
        Assert.Equal("none", value.Get("label"));
        Assert.Single(_registry.Server.Store.Versions(topic + "-value")!);
    }

    [Fact]
    public void UseLatestVersion_WithoutASubject_IsADataException()
    {
        using var converter = TestConverters.Create(_registry.Server, false, ("auto.register.schemas", "false"), ("use.latest.version", "true"));

        var error = Assert.Throws<DataException>(() => converter.FromConnectData(TestConverters.Topic(), _v1, new StructBuilder(_v1).Put("id", 1).Build()));

        Assert.Contains("use.latest.version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisteringTheSameSchemaUnderTwoSubjects_ReusesTheId()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var value = new StructBuilder(_v1).Put("id", 1).Build();

        var a = converter.FromConnectData(TestConverters.Topic() + ".a", _v1, value)!;
        var b = converter.FromConnectData(TestConverters.Topic() + ".b", _v1, value)!;

        Assert.Equal(a, b);
    }
}
