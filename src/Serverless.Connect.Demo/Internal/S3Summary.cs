namespace Serverless.Connect.Demo.Internal;

/// <summary>What the S3 sink left in the bucket.</summary>
internal sealed record S3Summary(string Bucket, int Objects, long Bytes, IReadOnlyList<string> SampleKeys);
