using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Connect;

/// <summary>The transformations and predicates of a connector configuration, read as Kafka Connect reads them.</summary>
/// <param name="Transforms">The transformations in chain order.</param>
/// <param name="Predicates">The declared predicates.</param>
public sealed record TransformChain(IReadOnlyList<TransformDefinition> Transforms, IReadOnlyList<PredicateDefinition> Predicates)
{
    /// <summary>The implicit per-transformation predicate key.</summary>
    public const string PredicateKey = "predicate";

    /// <summary>The implicit per-transformation negate key.</summary>
    public const string NegateKey = "negate";

    /// <summary>Reads <c>transforms</c>, <c>transforms.&lt;alias&gt;.*</c>, <c>predicates</c> and <c>predicates.&lt;alias&gt;.*</c>.</summary>
    /// <param name="config">The connector configuration; validate it first for complete error reports.</param>
    /// <returns>The chain.</returns>
    /// <exception cref="ConfigException">An alias has no <c>type</c>, or a transformation names an undeclared predicate.</exception>
    public static TransformChain Parse(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var predicates = Aliases(config, ConnectConfigDefs.Predicates)
            .Select(alias => new PredicateDefinition(alias, TypeOf(config, ConnectConfigDefs.Predicates, alias), ConfigPrefix.WithPrefix(config, $"predicates.{alias}.")))
            .ToList();
        var transforms = new List<TransformDefinition>();
        foreach (var alias in Aliases(config, ConnectConfigDefs.Transforms))
        {
            var prefix = $"transforms.{alias}.";
            var own = ConfigPrefix.WithPrefix(config, prefix);
            var predicate = own.GetValueOrDefault(PredicateKey)?.Trim();
            if (string.IsNullOrEmpty(predicate))
            {
                predicate = null;
            }
            else if (!predicates.Any(p => string.Equals(p.Alias, predicate, StringComparison.Ordinal)))
            {
                throw new ConfigException(prefix + PredicateKey, predicate, $"predicate '{predicate}' is not declared in predicates");
            }

            var negate = string.Equals(own.GetValueOrDefault(NegateKey)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            var passed = own.Where(e => e.Key is not (PredicateKey or NegateKey)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            transforms.Add(new TransformDefinition(alias, TypeOf(config, ConnectConfigDefs.Transforms, alias), predicate, negate, passed));
        }

        return new TransformChain(transforms.AsReadOnly(), predicates.AsReadOnly());
    }

    private static IEnumerable<string> Aliases(IReadOnlyDictionary<string, string> config, string key) =>
        config.TryGetValue(key, out var text) ? ConfigValueParser.SplitList(JavaText.Trim(text)).Distinct(StringComparer.Ordinal) : [];

    private static string TypeOf(IReadOnlyDictionary<string, string> config, string kind, string alias)
    {
        var key = $"{kind}.{alias}.type";
        return config.TryGetValue(key, out var type) && !string.IsNullOrWhiteSpace(type)
            ? type.Trim()
            : throw new ConfigException($"Missing required configuration \"{key}\" which has no default value.") { Key = key };
    }
}
