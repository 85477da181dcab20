namespace Serverless.Connect.Configuration.Connect;

/// <summary>One entry of a connector's <c>transforms</c> chain.</summary>
/// <param name="Alias">The alias from <c>transforms</c>.</param>
/// <param name="Type">The class or alias from <c>transforms.&lt;alias&gt;.type</c>.</param>
/// <param name="PredicateAlias">The predicate alias from <c>transforms.&lt;alias&gt;.predicate</c>, or null.</param>
/// <param name="Negate">Whether the predicate's result is negated.</param>
/// <param name="Config">What Connect passes to the transformation's <c>configure</c>: <c>transforms.&lt;alias&gt;.*</c> with the prefix stripped, including <c>type</c>, without <c>predicate</c> and <c>negate</c>.</param>
public sealed record TransformDefinition(string Alias, string Type, string? PredicateAlias, bool Negate, IReadOnlyDictionary<string, string> Config);
