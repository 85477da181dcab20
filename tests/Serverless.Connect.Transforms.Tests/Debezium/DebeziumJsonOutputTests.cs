using System.Text;
using Serverless.Connect.Converters;
using static Serverless.Connect.Transforms.Tests.Debezium.ExtractNewRecordStateDeleteHandlingTests;

namespace Serverless.Connect.Transforms.Tests.Debezium;

/// <summary>What the transformed records look like on the wire through Connect's JsonConverter.</summary>
public sealed class DebeziumJsonOutputTests
{
    [Fact]
    public void Unwrapped_Create_SerializesAsARequiredRowStruct()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "rewrite"), ("add.fields", "op"));
        var record = sut.Apply(PostgresEvents.Create(1))!;

        var json = Serialize(record, schemas: true);

        Assert.Contains("\"optional\":false,\"name\":\"cdc.orders.public.orders.Value\"", json, StringComparison.Ordinal);
        Assert.EndsWith(
            "\"payload\":{\"id\":1,\"customer\":\"alice\",\"status\":\"paid\",\"total\":\"MDk=\",\"created_at\":1704110399000000,\"__deleted\":\"false\",\"__op\":\"c\"}}",
            json, StringComparison.Ordinal);
    }

    [Fact]
    public void TombstoneMode_Delete_IsNotAKafkaTombstone()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "tombstone"));
        var record = sut.Apply(PostgresEvents.Delete(1))!;

        Assert.Equal("null", Serialize(record, schemas: false));
    }

    [Fact]
    public void SeedOutbox_ExpandedPayload_SerializesAsPlainJson()
    {
        using var sut = EventRouterTests.Configure(null,
            ("table.field.event.type", "event_type"), ("table.field.event.key", "aggregate_id"), ("table.field.event.payload", "payload"),
            ("route.topic.replacement", "events.${routedByValue}"), ("table.expand.json.payload", "true"));
        var record = sut.Apply(OutboxEvents.Seed("c"))!;

        Assert.Equal(
            "{\"order_id\":\"123\",\"customer\":{\"id\":42,\"name\":\"Ada\"},\"items\":[{\"sku\":\"A-1\",\"qty\":2,\"price\":9.5}],\"total\":19.0,\"paid\":true}",
            Serialize(record, schemas: false));
    }

    private static string Serialize(Serverless.Connect.Data.ConnectRecord record, bool schemas)
    {
        var converter = ConverterRegistry.Default.Create(
            "org.apache.kafka.connect.json.JsonConverter",
            new Dictionary<string, string> { ["schemas.enable"] = schemas ? "true" : "false" },
            isKey: false);
        var bytes = converter.FromConnectData(record.Topic, record.Headers, record.ValueSchema, record.Value);
        return bytes is null ? "<kafka null>" : Encoding.UTF8.GetString(bytes);
    }
}
