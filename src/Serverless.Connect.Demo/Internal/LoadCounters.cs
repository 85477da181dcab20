namespace Serverless.Connect.Demo.Internal;

/// <summary>What the load generator has committed so far (read by the display from another thread).</summary>
internal sealed class LoadCounters
{
    private long _inserts;
    private long _updates;
    private long _deletes;
    private long _outbox;
    private long _transactions;
    private long _malformed;

    public long Inserts => Interlocked.Read(ref _inserts);

    public long Updates => Interlocked.Read(ref _updates);

    public long Deletes => Interlocked.Read(ref _deletes);

    public long OutboxEvents => Interlocked.Read(ref _outbox);

    public long Transactions => Interlocked.Read(ref _transactions);

    public long Rows => Inserts + Updates + Deletes + OutboxEvents;

    /// <summary>Gets the outbox events written with a payload that is not a JSON object (the S3 sink dead-letters them).</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    public void AddMalformed() => Interlocked.Increment(ref _malformed);

    public void Add(int inserts, int updates, int deletes, int outbox)
    {
        Interlocked.Add(ref _inserts, inserts);
        Interlocked.Add(ref _updates, updates);
        Interlocked.Add(ref _deletes, deletes);
        Interlocked.Add(ref _outbox, outbox);
        Interlocked.Increment(ref _transactions);
    }
}
