namespace Serverless.Connect.Bench.Cdc;

/// <summary>What one CDC run measured.</summary>
/// <param name="Rows">Rows inserted (one change event each).</param>
/// <param name="TransactionSize">Rows per transaction.</param>
/// <param name="ReaderSeconds">From the moment the reader's slot turns active (decoding starts) to Kafka's acknowledgement of the last row.</param>
/// <param name="ReaderRowsPerSecond">Rows acknowledged in that interval per second.</param>
/// <param name="ReaderWallSeconds">From process start to the last acknowledgement (start-up, offsets read, slot, JIT included).</param>
/// <param name="DecoderSeconds">pg_recvlogical's run over the same WAL.</param>
/// <param name="DecoderRowsPerSecond">Rows per second pg_recvlogical decoded.</param>
/// <param name="ReaderPeakRssBytes">The reader process's VmHWM.</param>
/// <param name="KafkaMessages">The sum of the topic's end offsets (every acknowledged write, duplicates included).</param>
/// <param name="SlotConfirmed">Whether the slot's confirmed_flush_lsn reached the acknowledged position after the stop.</param>
/// <param name="ReaderCpuSeconds">CPU time (user + system) the reader used while streaming: robust where the machine is shared.</param>
/// <param name="LoadAverage">The machine's 1/5/15-minute load averages when streaming started and ended.</param>
/// <param name="DecoderPeakRssBytes">pg_recvlogical's VmHWM (0 for a snapshot run, which has no pg_recvlogical).</param>
/// <param name="HarnessPeakRssBytes">The harness process's VmHWM during the run: it hosts the Kafka mock cluster the reader writes to.</param>
internal sealed record CdcMeasurement(
    long Rows,
    int TransactionSize,
    double ReaderSeconds,
    double ReaderRowsPerSecond,
    double ReaderWallSeconds,
    double DecoderSeconds,
    double DecoderRowsPerSecond,
    long ReaderPeakRssBytes,
    long KafkaMessages,
    bool SlotConfirmed,
    double ReaderCpuSeconds,
    string LoadAverage,
    long DecoderPeakRssBytes,
    long HarnessPeakRssBytes)
{
    public double Ratio => ReaderRowsPerSecond / DecoderRowsPerSecond;
}
