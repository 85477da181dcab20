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
    public static IReadOnlyList<IBenchScenario> All { get; } =
    [
        new CdcStreamingScenario(),
        new CdcLargeTransactionScenario(),
        new CdcSnapshotScenario(),
        new TransformsScenario(),
        new EsSinkScenario(),
        new S3SinkScenario(),
        new EndToEndLatencyScenario(),
        new ScalingScenario(),
    ];

    public static IBenchScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
