using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>Maps a record to its encoded partition (the path segment between topic and file name).</summary>
internal interface IPartitioner
{
    /// <summary>Returns the encoded partition; throws <see cref="PartitionException"/> for records it cannot place.</summary>
    /// <param name="record">The record.</param>
    /// <param name="timestamp">The extracted timestamp (only time-based partitioners use it).</param>
    string Encode(ConnectRecord record, long timestamp);
}
