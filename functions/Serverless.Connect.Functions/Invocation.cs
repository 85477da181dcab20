using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Functions;

/// <summary>A decoded invocation: the batch's records in the order the trigger delivered them.</summary>
/// <param name="Records">The records.</param>
/// <param name="RetryCount">The host's <c>Metadata.RetryContext.RetryCount</c> (0 on the first attempt).</param>
internal sealed record Invocation(IReadOnlyList<ConsumedRecord> Records, int RetryCount);
