using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>TopicNameStrategy, RecordNameStrategy and TopicRecordNameStrategy for keys and values, on write and read.</summary>
public sealed class SubjectNameStrategyTests : IClassFixture<RegistryFixture>
{
    private static readonly Schema _record = SchemaBuilder.Struct().Name("strategy.Rec").Field("a", Schema.Int32Schema).Build();

    private readonly RegistryFixture _registry;

    public SubjectNameStrategyTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Theory]
    [InlineData(false, null, "{topic}-value")]
    [InlineData(true, null, "{topic}-key")]
    [InlineData(false, "io.confluent.kafka.serializers.subject.TopicNameStrategy", "{topic}-value")]
    [InlineData(false, "io.confluent.kafka.serializers.subject.RecordNameStrategy", "strategy.Rec")]
    [InlineData(true, "io.confluent.kafka.serializers.subject.RecordNameStrategy", "strategy.Rec")]
    [InlineData(false, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", "{topic}-strategy.Rec")]
    [InlineData(true, "TopicRecordNameStrategy", "{topic}-strategy.Rec")]
    public void Strategy_DeterminesTheSubject_AndReadsBackWithItsVersion(bool isKey, string? strategy, string expected)
    {
        var topic = TestConverters.Topic() + (isKey ? ".k" : ".v") + (strategy?.Length ?? 0);
        (string, string)[] settings = strategy is null ? [] : [((isKey ? "key" : "value") + ".subject.name.strategy", strategy)];
        using var converter = TestConverters.Create(_registry.Server, isKey, settings);
        var value = new StructBuilder(_record).Put("a", 1).Build();

        var bytes = converter.FromConnectData(topic, _record, value);
        var back = converter.ToConnectData(topic, bytes);

        var subject = expected.Replace("{topic}", topic, StringComparison.Ordinal);
        var versions = _registry.Server.Store.Versions(subject);
        Assert.NotNull(versions);
        Assert.Equal(versions![^1].Version, back.Schema!.Version);
        Assert.Equal(1, ((Struct)back.Value!).Get("a"));
    }

    [Fact]
    public void RecordNameStrategy_UsesConnectDefaultForUnnamedStructs()
    {
        using var converter = TestConverters.Create(_registry.Server, false, ("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"));
        var schema = SchemaBuilder.Struct().Field("unnamed", Schema.StringSchema).Build();

        converter.FromConnectData(TestConverters.Topic(), schema, new StructBuilder(schema).Put("unnamed", "x").Build());

        Assert.NotNull(_registry.Server.Store.Versions("io.confluent.connect.avro.ConnectDefault"));
    }

    [Fact]
    public void RecordStrategies_RejectNonRecordSchemas()
    {
        using var converter = TestConverters.Create(_registry.Server, true, ("key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"));

        var error = Assert.Throws<DataException>(() => converter.FromConnectData(TestConverters.Topic(), Schema.Int32Schema, 1));
        Assert.Equal(
            "In configuration key.subject.name.strategy = io.confluent.kafka.serializers.subject.RecordNameStrategy, the message key must only be a record schema",
            error.Message);
    }

    [Fact]
    public void ReadingWithAnotherStrategyThanTheWriter_FailsToFindTheVersion_AsConfluentDoes()
    {
        var topic = TestConverters.Topic();
        using var writer = TestConverters.Create(_registry.Server, false, ("value.subject.name.strategy", "RecordNameStrategy"));
        using var reader = TestConverters.Create(_registry.Server);
        var schema = SchemaBuilder.Struct().Name("strategy.OnlyByRecord").Field("a", Schema.Int32Schema).Build();

        var bytes = writer.FromConnectData(topic, schema, new StructBuilder(schema).Put("a", 1).Build());

        var error = Assert.Throws<DataException>(() => reader.ToConnectData(topic, bytes));
        Assert.Contains("Error retrieving Avro value schema version for id", error.Message, StringComparison.Ordinal);
        Assert.Contains("40401", error.Message, StringComparison.Ordinal);
    }
}
