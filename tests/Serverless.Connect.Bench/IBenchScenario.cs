namespace Serverless.Connect.Bench;

/// <summary>
/// One benchmark scenario. Add a scenario by implementing this in a file of its own and listing it in
/// <see cref="ScenarioRegistry"/>; <c>./tests/bench/run.sh &lt;name&gt;</c> then runs it and <c>all</c> includes it.
/// </summary>
internal interface IBenchScenario
{
    /// <summary>Gets the name used on the command line (lowercase, dashes).</summary>
    string Name { get; }

    /// <summary>Gets one line saying what the scenario measures.</summary>
    string Description { get; }

    /// <summary>Runs the scenario and returns its figures.</summary>
    Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
