namespace Serverless.Connect.Configuration.Connect;

/// <summary>One predicate declared in <c>predicates</c>.</summary>
/// <param name="Alias">The alias from <c>predicates</c>.</param>
/// <param name="Type">The class or alias from <c>predicates.&lt;alias&gt;.type</c>.</param>
/// <param name="Config"><c>predicates.&lt;alias&gt;.*</c> with the prefix stripped (including <c>type</c>).</param>
public sealed record PredicateDefinition(string Alias, string Type, IReadOnlyDictionary<string, string> Config);
