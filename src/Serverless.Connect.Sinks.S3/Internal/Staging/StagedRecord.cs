using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal.Staging;

/// <summary>A record as it was appended to an open file, with the encoded partition it went to.</summary>
internal sealed record StagedRecord(ConnectRecord Record, string EncodedPartition);
