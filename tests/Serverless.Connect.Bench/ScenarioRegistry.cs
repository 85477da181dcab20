using Serverless.Connect.Bench.Cdc;
using Serverless.Connect.Bench.EndToEnd;
using Serverless.Connect.Bench.EsSink;
using Serverless.Connect.Bench.S3Sink;
using Serverless.Connect.Bench.Scaling;
using Serverless.Connect.Bench.Transforms;

namespace Serverless.Connect.Bench;

/// <summary>Every scenario <c>run.sh</c> knows, in the order <c>all</c> runs them.</summary>
internal static class ScenarioRegistry
{
    // The in-process scenarios whose harness memory is the figure (s3, transforms) come first: after es-sink ~270 MiB
    // of managed heap stays reachable (its contract server disposed or not), which would count in a later harness peak.
    public static IReadOnlyList<IBenchScenario> All { get; } =
    [
        new S3SinkScenario(),
        new TransformsScenario(),
        new CdcStreamingScenario(),
        new CdcLargeTransactionScenario(),
        new CdcSnapshotScenario(),
        new EsSinkScenario(),
        new EndToEndLatencyScenario(),
        new ScalingScenario(),
    ];

    public static IBenchScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
