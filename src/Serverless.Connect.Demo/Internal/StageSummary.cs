namespace Serverless.Connect.Demo.Internal;

/// <summary>One stage at the end of the run.</summary>
internal sealed record StageSummary(
    string Name, StageState State, long Records, string? Note, double? P50Ms, double? P99Ms, int LatencySamples, string LatencyLabel);
