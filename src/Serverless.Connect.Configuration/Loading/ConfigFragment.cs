namespace Serverless.Connect.Configuration.Loading;

/// <summary>A partial connector configuration (for example a shared <c>errors.*</c> block) to merge into full ones.</summary>
/// <param name="Values">The flat settings in source order.</param>
/// <param name="Warnings">Problems that did not stop loading (duplicate keys, null values).</param>
/// <param name="SourceFile">Where it came from, or null.</param>
public sealed record ConfigFragment(IReadOnlyDictionary<string, string> Values, IReadOnlyList<ConfigProblem> Warnings, string? SourceFile);
