using Microsoft.Extensions.Logging;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Debezium;

namespace Serverless.Connect.Transforms.Tests.Debezium;

public sealed class EventRouterTests
{
    private static readonly (string, string)[] s_seed =
    [
        ("type", "io.debezium.transforms.outbox.EventRouter"),
        ("table.field.event.type", "event_type"),
        ("table.field.event.key", "aggregate_id"),
        ("table.field.event.payload", "payload"),
        ("route.topic.replacement", "events.${routedByValue}"),
        ("table.expand.json.payload", "true"),
    ];

    [Fact]
    public void SeedConfig_RoutesByEventType_KeysByAggregateId_AndExpandsThePayload()
    {
        var logger = new RecordingLogger();
        using var sut = Configure(logger, s_seed);

        var created = sut.Apply(OutboxEvents.Seed("c", "OrderCreated"))!;
        var shipped = sut.Apply(OutboxEvents.Seed("c", "OrderShipped"))!;

        Assert.Equal("events.OrderCreated", created.Topic);
        Assert.Equal("events.OrderShipped", shipped.Topic);
        Assert.Equal("order-123", created.Key);
        Assert.Equal(Schema.StringSchema, created.KeySchema);
        Assert.Null(created.KafkaPartition);
        Assert.Equal(OutboxEvents.EventTs, created.Timestamp);
        var id = Assert.Single(created.Headers);
        Assert.Equal("id", id.Key);
        Assert.Equal(OutboxEvents.EventId, id.Value);
        Assert.Equal(DebeziumData.UuidName, id.Schema!.Name);

        var payload = Assert.IsType<Struct>(created.Value);
        Assert.Equal("payload", created.ValueSchema!.Name);
        Assert.True(created.ValueSchema.IsOptional);
        Assert.Equal(["order_id", "customer", "items", "total", "paid"], created.ValueSchema.Fields.Select(f => f.Name));
        Assert.Equal("123", payload.Get("order_id"));
        var customer = Assert.IsType<Struct>(payload.Get("customer"));
        Assert.Equal("payload.customer", customer.Schema.Name);
        Assert.Equal(42, customer.Get("id"));
        Assert.Equal(19.0, payload.Get("total"));
        Assert.Equal(true, payload.Get("paid"));
        var item = Assert.IsType<Struct>(Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(payload.Get("items"))));
        Assert.Equal("payload.items", item.Schema.Name);
        Assert.Equal(9.5, item.Get("price"));
        payload.Validate();

        // Debezium 2.7 would fail this config ("aggregatetype is not a valid field name"); the fallback is announced once.
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("routing by table.field.event.type 'event_type'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedConfig_WithFallbackDisabled_FailsLikeDebezium()
    {
        using var sut = Configure(null, [.. s_seed, ("route.by.field.fallback", "none")]);

        var e = Assert.Throws<DataException>(() => sut.Apply(OutboxEvents.Seed("c")));

        Assert.Equal("aggregatetype is not a valid field name", e.Message);
    }

    [Fact]
    public void SeedConfig_WithExplicitRouteByField_RoutesByThatColumn()
    {
        using var byType = Configure(null, [.. s_seed, ("route.by.field", "event_type")]);
        using var byAggregate = Configure(null, [.. s_seed, ("route.by.field", "aggregate_type")]);

        Assert.Equal("events.OrderCreated", byType.Apply(OutboxEvents.Seed("c"))!.Topic);
        Assert.Equal("events.order", byAggregate.Apply(OutboxEvents.Seed("c"))!.Topic);
    }

    [Fact]
    public void Defaults_RouteByAggregateType_ToOutboxEventTopic_WithRawJsonPayload()
    {
        using var sut = Configure(null);

        var result = sut.Apply(OutboxEvents.Default("c", "Customer"))!;

        Assert.Equal("outbox.event.Customer", result.Topic);
        Assert.Equal("42", result.Key);
        Assert.Equal("{\"id\":1}", result.Value);
        Assert.Equal(DebeziumData.JsonName, result.ValueSchema!.Name);
        Assert.Equal(OutboxEvents.EventId, result.Headers.LastWithName("id")!.Value);
    }

    [Fact]
    public void SnapshotReads_AreRoutedLikeCreates()
    {
        using var sut = Configure(null, s_seed);

        Assert.Equal("events.OrderCreated", sut.Apply(OutboxEvents.Seed("r"))!.Topic);
    }

    [Fact]
    public void DeletesAndTombstones_AreDropped()
    {
        using var sut = Configure(null, s_seed);

        Assert.Null(sut.Apply(OutboxEvents.Seed("d")));
        Assert.Null(sut.Apply(new ConnectRecord(OutboxEvents.SeedTopic, 0, OutboxEvents.SeedKeySchema, null, null, null)));
    }

    [Theory]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("error", LogLevel.Error)]
    [InlineData("WARN", LogLevel.Warning)]
    public void Updates_AreDroppedAndLogged(string behavior, LogLevel level)
    {
        var logger = new RecordingLogger();
        using var sut = Configure(logger, [.. s_seed, ("route.by.field", "event_type"), ("table.op.invalid.behavior", behavior)]);

        Assert.Null(sut.Apply(OutboxEvents.Seed("u")));
        var message = Assert.Single(logger.Messages);
        Assert.Equal($"Unexpected update message received Struct{{id={OutboxEvents.EventId}}} and ignored", message);
        Assert.Equal(level, Assert.Single(logger.Levels));
    }

    [Fact]
    public void Updates_FailWithFatal_AlsoViaTheDeprecatedKey()
    {
        using var current = Configure(null, [.. s_seed, ("table.op.invalid.behavior", "fatal")]);
        using var deprecated = Configure(null, [.. s_seed, ("debezium.op.invalid.behavior", "fatal")]);

        var e = Assert.Throws<ConnectException>(() => current.Apply(OutboxEvents.Seed("u")));
        Assert.Throws<ConnectException>(() => deprecated.Apply(OutboxEvents.Seed("u")));
        Assert.Equal($"Unexpected update message received Struct{{id={OutboxEvents.EventId}}}, fail.", e.Message);
        Assert.Contains(EventRouter.ConfigDef.Validate(PostgresEvents.Config(("debezium.op.invalid.behavior", "fatal"))).Warnings,
            w => w.Key == "debezium.op.invalid.behavior");
    }

    [Fact]
    public void NonEnvelopeRecords_PassThrough()
    {
        using var sut = Configure(null, s_seed);
        var heartbeat = PostgresEvents.Heartbeat();

        Assert.Same(heartbeat, sut.Apply(heartbeat));
    }

    [Fact]
    public void AdditionalPlacement_ToHeaderEnvelopeAndPartition()
    {
        using var sut = Configure(null,
        [
            .. s_seed, ("route.by.field", "event_type"),
            ("table.fields.additional.placement", "event_type:header:eventType, aggregate_type:envelope:type,shard:partition:ignored,created_at:envelope"),
        ]);

        var result = sut.Apply(OutboxEvents.Seed("c", shard: 3))!;

        Assert.Equal(3, result.KafkaPartition);
        Assert.Equal(["id", "eventType"], result.Headers.Select(h => h.Key));
        Assert.Equal("OrderCreated", result.Headers.LastWithName("eventType")!.Value);
        Assert.Equal(Schema.StringSchema, result.Headers.LastWithName("eventType")!.Schema);
        var value = Assert.IsType<Struct>(result.Value);
        Assert.Equal("outbox.public.outbox.OrderCreated.Value", value.Schema.Name);
        Assert.Equal(["payload", "type", "created_at"], value.Schema.Fields.Select(f => f.Name));
        Assert.Equal("order", value.Get("type"));
        Assert.Equal(1_704_110_399_123_456L, value.Get("created_at"));
        Assert.Equal("payload", value.Schema.FieldByName("payload")!.Schema.Name);
        Assert.Equal("123", ((Struct)value.Get("payload")!).Get("order_id"));
        value.Validate();
    }

    [Fact]
    public void EnvelopePlacement_SchemaNamePerRoutedValue_AndSchemaVersion()
    {
        using var sut = Configure(null,
            ("table.fields.additional.placement", "type:envelope:eventType"), ("table.field.event.schema.version", "version"));
        var versioned = VersionedDefault(7);

        var result = sut.Apply(versioned)!;

        Assert.Equal("srv.public.outboxevent.Order.Value", result.ValueSchema!.Name);
        Assert.Equal(7, result.ValueSchema.Version);
        Assert.Equal("OrderCreated", ((Struct)result.Value!).Get("eventType"));
    }

    [Fact]
    public void MissingAdditionalColumn_FailsOrIsSkipped()
    {
        using var failing = Configure(null, ("table.fields.additional.placement", "nope:envelope"));
        using var skipping = Configure(null, ("table.fields.additional.placement", "nope:header,type:header"), ("table.fields.additional.error.on.missing", "false"));
        using var skipping3x = Configure(null, ("table.fields.additional.placement", "nope:envelope"), ("table.field.additional.missing", "ignore"));

        var e = Assert.Throws<ConnectException>(() => failing.Apply(OutboxEvents.Default("c")));
        Assert.Equal("Unable to find field nope in event", e.Message);
        Assert.Equal(["id", "type"], skipping.Apply(OutboxEvents.Default("c"))!.Headers.Select(h => h.Key));
        Assert.Equal(["payload"], skipping3x.Apply(OutboxEvents.Default("c"))!.ValueSchema!.Fields.Select(f => f.Name));
    }

    [Fact]
    public void EventTimestamp_ComesFromTheConfiguredColumn_ConvertedToMillis()
    {
        using var sut = Configure(null, [.. s_seed, ("table.field.event.timestamp", "created_at")]);

        Assert.Equal(1_704_110_399_123L, sut.Apply(OutboxEvents.Seed("c"))!.Timestamp);
        Assert.Equal(OutboxEvents.EventTs, sut.Apply(OutboxEvents.Seed("c", createdAt: null))!.Timestamp);
    }

    [Fact]
    public void EventTimestamp_RejectsUnsupportedColumns()
    {
        using var notInt64 = Configure(null, [.. s_seed, ("table.field.event.timestamp", "event_type")]);
        using var plainInt = Configure(null, [.. s_seed, ("table.field.event.timestamp", "shard")]);
        using var missing = Configure(null, [.. s_seed, ("table.field.event.timestamp", "nope")]);

        Assert.Equal("Field 'event_type' is not of type INT64", Assert.Throws<DataException>(() => notInt64.Apply(OutboxEvents.Seed("c"))).Message);
        Assert.Throws<DataException>(() => plainInt.Apply(OutboxEvents.Seed("c", shard: 1)));
        Assert.Equal("Unable to find timestamp field nope in event", Assert.Throws<ConnectException>(() => missing.Apply(OutboxEvents.Seed("c"))).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void EmptyPayload_BecomesATombstone_WhenConfigured(string? payload)
    {
        using var tombstones = Configure(null, ("route.tombstone.on.empty.payload", "true"));
        using var plain = Configure(null);

        var tombstone = tombstones.Apply(OutboxEvents.Default("c", payload: payload))!;
        var kept = plain.Apply(OutboxEvents.Default("c", payload: payload))!;

        Assert.True(tombstone.IsTombstone);
        Assert.Null(tombstone.ValueSchema);
        Assert.Equal("42", tombstone.Key);
        Assert.Equal("outbox.event.Order", tombstone.Topic);
        Assert.Equal(payload, kept.Value);
        Assert.NotNull(kept.ValueSchema);
    }

    [Fact]
    public void RouteTopicRegex_OnlyAFullMatchIsReplaced()
    {
        using var sut = Configure(null, ("route.topic.regex", "Ord(er)"), ("route.topic.replacement", "x.$1"));

        Assert.Equal("x.er", sut.Apply(OutboxEvents.Default("c", "Order"))!.Topic);
        Assert.Equal("Customer", sut.Apply(OutboxEvents.Default("c", "Customer"))!.Topic);
    }

    [Fact]
    public void InvalidConfig_IsRejected()
    {
        Assert.Throws<ConfigValidationException>(() => Configure(null, ("table.fields.additional.placement", "a:somewhere")));
        Assert.Throws<ConfigValidationException>(() => Configure(null, ("table.op.invalid.behavior", "ignore")));
        Assert.Throws<ConfigValidationException>(() => Configure(null, ("route.topic.regex", "(unclosed")));
        Assert.Throws<Serverless.Connect.Configuration.ConfigException>(() => Configure(null, ("route.topic.replacement", "${missing}")));
    }

    [Fact]
    public void TracingKeys_AreAccepted()
    {
        var result = EventRouter.ConfigDef.Validate(PostgresEvents.Config(
            ("tracing.span.context.field", "ctx"), ("tracing.operation.name", "op"), ("tracing.with.context.field.only", "true")));

        Assert.True(result.IsValid);
        Assert.Empty(result.Config!.UnknownKeys);
    }

    [Fact]
    public void ClassNameAndDefaults_MatchDebezium()
    {
        var keys = EventRouter.ConfigDef.Keys;

        Assert.Equal("io.debezium.transforms.outbox.EventRouter", EventRouter.ClassName);
        Assert.Equal("id", keys["table.field.event.id"].DefaultValue);
        Assert.Equal("aggregateid", keys["table.field.event.key"].DefaultValue);
        Assert.Equal("type", keys["table.field.event.type"].DefaultValue);
        Assert.Equal("payload", keys["table.field.event.payload"].DefaultValue);
        Assert.Equal("aggregatetype", keys["route.by.field"].DefaultValue);
        Assert.Equal("(?<routedByValue>.*)", keys["route.topic.regex"].DefaultValue);
        Assert.Equal("outbox.event.${routedByValue}", keys["route.topic.replacement"].DefaultValue);
        Assert.Equal("warn", keys["table.op.invalid.behavior"].DefaultValue);
        Assert.Equal(false, keys["table.expand.json.payload"].DefaultValue);
        Assert.Equal("ignore", keys["table.json.payload.null.behavior"].DefaultValue);
    }

    [Fact]
    public void Apply_NeverMutatesItsInput()
    {
        using var sut = Configure(null, [.. s_seed, ("table.fields.additional.placement", "event_type:header,aggregate_type:envelope")]);
        var input = OutboxEvents.Seed("c");
        var pristine = OutboxEvents.Seed("c");

        sut.Apply(input);

        Assert.Equal(pristine, input);
        Assert.Empty(input.Headers);
    }

    internal static EventRouter Configure(RecordingLogger? logger, params (string Key, string Value)[] config)
    {
        var sut = new EventRouter(logger);
        sut.Configure(PostgresEvents.Config(config));
        return sut;
    }

    private static ConnectRecord VersionedDefault(int version)
    {
        var rowSchema = SchemaBuilder.Struct().Name("srv.public.outboxevent.Value").Optional()
            .Field("id", DebeziumData.Uuid().Build())
            .Field("aggregatetype", Schema.StringSchema)
            .Field("aggregateid", Schema.StringSchema)
            .Field("type", Schema.StringSchema)
            .Field("payload", DebeziumData.Json().Optional().Build())
            .Field("version", Schema.Int32Schema)
            .Build();
        var envelopeSchema = SchemaBuilder.Struct().Name("srv.public.outboxevent.Envelope")
            .Field("after", rowSchema).Field("op", Schema.StringSchema).Field("ts_ms", Schema.OptionalInt64Schema).Build();
        var row = new StructBuilder(rowSchema).Put("id", OutboxEvents.EventId).Put("aggregatetype", "Order").Put("aggregateid", "42")
            .Put("type", "OrderCreated").Put("payload", "{}").Put("version", version).Build();
        return new ConnectRecord("srv.public.outboxevent", 0, null, null, envelopeSchema,
            new StructBuilder(envelopeSchema).Put("after", row).Put("op", "c").Put("ts_ms", 5L).Build(), 5L);
    }
}
