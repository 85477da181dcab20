namespace Serverless.Connect.Runtime.DeadLetterQueue;

/// <summary>Sends dead-letter records; the Kafka producer (or a file, in <c>./connect transform</c>) plugs in here.</summary>
public interface IDeadLetterQueueProducer
{
    /// <summary>Produces one record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the record is delivered (or handed over for delivery).</returns>
    ValueTask ProduceAsync(DeadLetterRecord record, CancellationToken cancellationToken = default);
}
