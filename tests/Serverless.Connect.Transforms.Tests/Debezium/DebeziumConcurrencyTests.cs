using Serverless.Connect.Data;
using static Serverless.Connect.Transforms.Tests.Debezium.ExtractNewRecordStateDeleteHandlingTests;

namespace Serverless.Connect.Transforms.Tests.Debezium;

public sealed class DebeziumConcurrencyTests
{
    [Fact]
    public void ConfiguredTransforms_AreSafeToShareBetweenThreads()
    {
        using var unwrap = Configure(("delete.tombstone.handling.mode", "rewrite"), ("add.fields", "op,source.lsn"), ("add.headers", "op"));
        using var router = EventRouterTests.Configure(null,
            ("table.field.event.type", "event_type"), ("table.field.event.key", "aggregate_id"),
            ("route.topic.replacement", "events.${routedByValue}"), ("table.expand.json.payload", "true"));
        var failures = 0;

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var unwrapped = (Struct)unwrap.Apply(i % 2 == 0 ? PostgresEvents.Create(i) : PostgresEvents.Delete(i))!.Value!;
            var routed = router.Apply(OutboxEvents.Seed("c", i % 2 == 0 ? "OrderCreated" : "OrderShipped"))!;
            var expectedTopic = i % 2 == 0 ? "events.OrderCreated" : "events.OrderShipped";
            if (!Equals(unwrapped.Get("id"), i) || routed.Topic != expectedTopic || routed.Value is not Struct)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
