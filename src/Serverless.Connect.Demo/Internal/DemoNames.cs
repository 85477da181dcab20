using System.Globalization;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// Every name one demo run uses, derived from a unique id (<c>demo_yyyyMMdd_HHmmss_xxxx</c>), so reruns and parallel
/// runs never share a database, slot, publication, topic, consumer group or bucket.
/// </summary>
internal sealed record DemoNames(string Id)
{
    public static DemoNames Create(TimeProvider time)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var random = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
        return new DemoNames($"demo_{stamp}_{random}");
    }

    public string Database => Id;

    public string SourceSlot => Id + "_orders";

    public string OutboxSlot => Id + "_outbox";

    public string SourcePublication => Id + "_pub";

    public string OutboxPublication => Id + "_outbox_pub";

    public string CdcPrefix => Id + ".cdc.orders";

    public string OutboxPrefix => Id + ".outbox";

    public string OrdersTopic => CdcPrefix + ".public.orders";

    public string CustomersTopic => CdcPrefix + ".public.customers";

    public string EventsPrefix => Id + ".events.";

    public string OrderCreatedTopic => EventsPrefix + "OrderCreated";

    public string OrderShippedTopic => EventsPrefix + "OrderShipped";

    public string OffsetsTopic => Id + ".connect-offsets";

    public string S3DeadLetterTopic => Id + ".dlq.s3-sink";

    public string ElasticsearchDeadLetterTopic => Id + ".dlq.elasticsearch";

    // S3 bucket names allow lowercase letters, digits and hyphens only.
    public string Bucket => Id.Replace('_', '-');

    public string ConnectorName(string seedName) => Id.Replace('_', '-') + "-" + seedName;
}
