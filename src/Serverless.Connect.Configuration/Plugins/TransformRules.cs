using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Plugins;

/// <summary>Connect's predicate wiring checks for each transformation.</summary>
internal static class TransformRules
{
    public static IEnumerable<ConfigProblem> Check(IReadOnlyDictionary<string, string> config)
    {
        if (!config.TryGetValue(ConnectConfigDefs.Transforms, out var transforms))
        {
            yield break;
        }

        var predicates = config.TryGetValue(ConnectConfigDefs.Predicates, out var predicateText)
            ? ConfigValueParser.SplitList(JavaText.Trim(predicateText)).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var alias in ConfigValueParser.SplitList(JavaText.Trim(transforms)).Distinct(StringComparer.Ordinal))
        {
            var predicateKey = $"transforms.{alias}.{TransformChain.PredicateKey}";
            var negateKey = $"transforms.{alias}.{TransformChain.NegateKey}";
            var predicate = config.TryGetValue(predicateKey, out var p) ? JavaText.Trim(p) : null;
            if (config.ContainsKey(negateKey) && predicate is null)
            {
                yield return new ConfigProblem(
                    negateKey, $"Config '{negateKey}' was provided but there is no config '{predicateKey}' defining a predicate to be negated.");
            }

            if (!string.IsNullOrEmpty(predicate) && !predicates.Contains(predicate))
            {
                yield return new ConfigProblem(
                    predicateKey, $"Invalid value {predicate} for configuration {predicateKey}: predicate '{predicate}' is not declared in predicates");
            }
        }
    }
}
