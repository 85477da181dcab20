namespace Serverless.Connect.Bench;

/// <summary>One measured figure, a row of the results table.</summary>
/// <param name="Scenario">The scenario that measured it.</param>
/// <param name="Figure">What was measured.</param>
/// <param name="Value">The measured value, formatted.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
/// <param name="Target">The target it is held against (empty when there is none).</param>
/// <param name="Met">Whether the target was met; null without a target.</param>
/// <param name="Notes">How it was measured (sizes, settings).</param>
internal sealed record BenchResult(string Scenario, string Figure, string Value, string Unit, string Target, bool? Met, string Notes);
