using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Transforms.Tests.Debezium;

/// <summary>
/// Outbox change events as the Debezium 2.7 PostgreSQL connector emits them: the seed's table (topic.prefix
/// <c>outbox</c>, columns id uuid, aggregate_type, aggregate_id, event_type, payload jsonb, created_at timestamp) and a
/// table with Debezium's default column names.
/// </summary>
internal static class OutboxEvents
{
    public const string SeedTopic = "outbox.public.outbox";
    public const long EventTs = 1_704_110_400_456L;
    public const string EventId = "6f1c2a0e-8d3b-4c7e-9a51-3f2b1d0c9e87";

    public static readonly Schema SeedKeySchema = SchemaBuilder.Struct().Name(SeedTopic + ".Key")
        .Field("id", DebeziumData.Uuid().Build())
        .Build();

    public static readonly Schema SeedRowSchema = SchemaBuilder.Struct().Name(SeedTopic + ".Value").Optional()
        .Field("id", DebeziumData.Uuid().Build())
        .Field("aggregate_type", Schema.StringSchema)
        .Field("aggregate_id", Schema.StringSchema)
        .Field("event_type", Schema.StringSchema)
        .Field("payload", DebeziumData.Json().Build())
        .Field("created_at", DebeziumTime.MicroTimestamp().Optional().Build())
        .Field("shard", Schema.OptionalInt32Schema)
        .Build();

    public static readonly Schema DefaultRowSchema = SchemaBuilder.Struct().Name("srv.public.outboxevent.Value").Optional()
        .Field("id", DebeziumData.Uuid().Build())
        .Field("aggregatetype", Schema.StringSchema)
        .Field("aggregateid", Schema.StringSchema)
        .Field("type", Schema.StringSchema)
        .Field("payload", DebeziumData.Json().Optional().Build())
        .Build();

    public static ConnectRecord Seed(string op, string eventType = "OrderCreated", string? payload = null, int? shard = null, long? createdAt = 1_704_110_399_123_456L)
    {
        var row = new StructBuilder(SeedRowSchema)
            .Put("id", EventId)
            .Put("aggregate_type", "order")
            .Put("aggregate_id", "order-123")
            .Put("event_type", eventType)
            .Put("payload", payload ?? """{"order_id": "123", "customer": {"id": 42, "name": "Ada"}, "items": [{"sku": "A-1", "qty": 2, "price": 9.5}], "total": 19.0, "paid": true}""")
            .Put("created_at", createdAt)
            .Put("shard", shard)
            .Build();
        return Event(SeedTopic, SeedRowSchema, op, row, SeedKeySchema, new StructBuilder(SeedKeySchema).Put("id", EventId).Build());
    }

    public static ConnectRecord Default(string op, string aggregateType = "Order", string? payload = "{\"id\":1}")
    {
        var row = new StructBuilder(DefaultRowSchema)
            .Put("id", EventId)
            .Put("aggregatetype", aggregateType)
            .Put("aggregateid", "42")
            .Put("type", "OrderCreated")
            .Put("payload", payload)
            .Build();
        return Event("srv.public.outboxevent", DefaultRowSchema, op, row, null, null);
    }

    private static ConnectRecord Event(string topic, Schema rowSchema, string op, Struct row, Schema? keySchema, object? key)
    {
        var envelopeSchema = SchemaBuilder.Struct().Name(topic + ".Envelope").Version(2)
            .Field("before", rowSchema)
            .Field("after", rowSchema)
            .Field("source", PostgresEvents.SourceSchema)
            .Field("transaction", PostgresEvents.TransactionSchema)
            .Field("op", Schema.StringSchema)
            .Field("ts_ms", Schema.OptionalInt64Schema)
            .Field("ts_us", Schema.OptionalInt64Schema)
            .Field("ts_ns", Schema.OptionalInt64Schema)
            .Build();
        var envelope = new StructBuilder(envelopeSchema)
            .Put("before", op == "d" ? row : null)
            .Put("after", op == "d" ? null : row)
            .Put("source", PostgresEvents.Source(op == "r" ? "true" : null))
            .Put("op", op)
            .Put("ts_ms", EventTs)
            .Build();
        return new ConnectRecord(topic, 0, keySchema, key, envelopeSchema, envelope, EventTs);
    }
}
