using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>Creates and configures the stages of a connector's transformation chain, one shared predicate instance per predicate alias.</summary>
public static class TransformationChainBuilder
{
    /// <summary>Builds the stages.</summary>
    /// <param name="chain">The parsed chain.</param>
    /// <param name="factory">Creates transformations and predicates.</param>
    /// <returns>The stages in order, and the predicates (to dispose with them).</returns>
    /// <exception cref="ConnectException">A type is unknown.</exception>
    /// <exception cref="Configuration.ConfigException">A type is unknown to a registry, or a setting is invalid.</exception>
    public static (TransformationStage[] Stages, IDisposable[] Predicates) Build(TransformChain chain, ITransformationFactory factory)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(factory);
        if (chain.Transforms.Count == 0)
        {
            return ([], []);
        }

        var predicates = new Dictionary<string, IPredicate>(StringComparer.Ordinal);
        var stages = new List<TransformationStage>(chain.Transforms.Count);
        try
        {
            foreach (var definition in chain.Predicates)
            {
                var prefix = $"predicates.{definition.Alias}.";
                var predicate = WithPrefix(prefix, () => factory.CreatePredicate(definition.Type));
                predicates[definition.Alias] = predicate;
                WithPrefix(prefix, () => predicate.Configure(definition.Config));
            }

            foreach (var definition in chain.Transforms)
            {
                var prefix = $"transforms.{definition.Alias}.";
                var transformation = WithPrefix(prefix, () => factory.CreateTransformation(definition.Type));
                try
                {
                    WithPrefix(prefix, () => transformation.Configure(definition.Config));
                }
                catch
                {
                    transformation.Dispose();
                    throw;
                }

                var predicate = definition.PredicateAlias is null ? null : predicates[definition.PredicateAlias];
                stages.Add(new TransformationStage(definition.Alias, factory.GetClassName(definition.Type), transformation, predicate, definition.Negate));
            }
        }
        catch
        {
            Dispose([.. stages], [.. predicates.Values]);
            throw;
        }

        return ([.. stages], [.. predicates.Values]);
    }

    // Plugins name their own keys ("field", "type"); users need the full key ("transforms.unwrap.field").
    private static T WithPrefix<T>(string prefix, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ConfigException e) when (e.Key is null || !e.Key.StartsWith(prefix, StringComparison.Ordinal))
        {
            var key = prefix + (e.Key ?? "type");
            var message = e.Key is null ? $"{key}: {e.Message}" : e.Message.Replace(e.Key, key, StringComparison.Ordinal);
            throw new ConfigException(message, e) { Key = key };
        }
    }

    private static void WithPrefix(string prefix, Action action) => WithPrefix(prefix, () =>
    {
        action();
        return 0;
    });

    /// <summary>Disposes stages and predicates, continuing past failures.</summary>
    /// <param name="stages">The stages.</param>
    /// <param name="predicates">The predicates.</param>
    public static void Dispose(IEnumerable<IDisposable> stages, IEnumerable<IDisposable> predicates)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(predicates);
        foreach (var disposable in stages.Concat(predicates))
        {
            disposable.Dispose();
        }
    }
}
