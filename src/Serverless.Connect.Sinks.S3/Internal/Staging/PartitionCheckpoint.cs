namespace Serverless.Connect.Sinks.S3.Internal.Staging;

/// <summary>
/// The durable state of one topic partition in staging mode, stored as one S3 object that is replaced after every put:
/// the next offset to accept, the rotation state, the open files and the chunks that hold their records.
/// </summary>
internal sealed record PartitionCheckpoint
{
    public int Version { get; init; } = 1;

    public long NextOffset { get; init; }

    public int RecordCount { get; init; }

    public long? BaseRecordTimestamp { get; init; }

    public string? LastEncodedPartition { get; init; }

    public List<CheckpointFile> Files { get; init; } = [];

    public List<long> Chunks { get; init; } = [];
}

/// <summary>An open file of a checkpoint.</summary>
internal sealed record CheckpointFile(string EncodedPartition, long StartOffset, string? UploadId);
