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
                var predicate = factory.CreatePredicate(definition.Type);
                predicates[definition.Alias] = predicate;
                predicate.Configure(definition.Config);
            }

            foreach (var definition in chain.Transforms)
            {
                var transformation = factory.CreateTransformation(definition.Type);
                try
                {
                    transformation.Configure(definition.Config);
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
