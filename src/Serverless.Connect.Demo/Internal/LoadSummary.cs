namespace Serverless.Connect.Demo.Internal;

/// <summary>What the load generator committed.</summary>
internal sealed record LoadSummary(long Inserts, long Updates, long Deletes, long OutboxEvents, long Transactions, long MalformedEvents)
{
    public long Rows => Inserts + Updates + Deletes + OutboxEvents;
}
