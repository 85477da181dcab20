using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>
/// A connector's configured <c>transforms</c> chain, applied as Connect's <c>TransformationChain</c> does: stages in
/// order, each guarded by its predicate and <c>negate</c>, stopping as soon as a stage drops the record.
/// </summary>
/// <remarks>
/// As in Connect, every transformation that names a predicate gets its own predicate instance, configured with
/// <c>predicates.&lt;alias&gt;.*</c>; predicates no transformation uses are not created. Thread-safe for
/// <see cref="Apply(ConnectRecord)"/> (transformations are); dispose once, after the last record.
/// </remarks>
public sealed class TransformationChain : IDisposable
{
    private readonly TransformationStage[] _stages;

    private TransformationChain(TransformationStage[] stages)
    {
        _stages = stages;
    }

    /// <summary>A chain without transformations: records pass through unchanged.</summary>
    public static TransformationChain Empty { get; } = new([]);

    /// <summary>The stages in chain order.</summary>
    public IReadOnlyList<TransformationStage> Stages => _stages;

    /// <summary>Instantiates and configures every transformation and predicate of a connector configuration.</summary>
    /// <param name="connectorConfig">The connector configuration with <c>transforms</c>/<c>predicates</c> keys.</param>
    /// <param name="registry">Where to find the classes; <see cref="TransformRegistry.Default"/> when null.</param>
    /// <returns>The chain.</returns>
    /// <exception cref="ConfigException">An alias has no type, a type is unknown (the message lists the supported ones), or a plugin rejects its settings.</exception>
    public static TransformationChain Create(IReadOnlyDictionary<string, string> connectorConfig, TransformRegistry? registry = null) =>
        Create(TransformChain.Parse(connectorConfig), registry);

    /// <summary>Instantiates and configures every transformation and predicate of a parsed chain.</summary>
    /// <param name="definition">The parsed chain.</param>
    /// <param name="registry">Where to find the classes; <see cref="TransformRegistry.Default"/> when null.</param>
    /// <returns>The chain.</returns>
    /// <exception cref="ConfigException">A type is unknown (the message lists the supported ones), a predicate alias is undeclared, or a plugin rejects its settings.</exception>
    public static TransformationChain Create(TransformChain definition, TransformRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        registry ??= TransformRegistry.Default;
        var stages = new List<TransformationStage>(definition.Transforms.Count);
        try
        {
            foreach (var transform in definition.Transforms)
            {
                stages.Add(CreateStage(stages.Count, transform, definition, registry));
            }
        }
        catch
        {
            foreach (var stage in stages)
            {
                stage.Dispose();
            }

            throw;
        }

        return stages.Count == 0 ? Empty : new TransformationChain([.. stages]);
    }

    /// <summary>Applies every stage in order.</summary>
    /// <param name="record">The record; not modified.</param>
    /// <returns>The transformed record, or null when a stage dropped it.</returns>
    /// <exception cref="TransformationException">A transformation or predicate threw; the exception names the stage.</exception>
    public ConnectRecord? Apply(ConnectRecord record) => Apply(record, RunWrappingErrors);

    /// <summary>Applies every stage in order through <paramref name="runner"/>, which can add retries and error tolerance per stage.</summary>
    /// <param name="record">The record; not modified.</param>
    /// <param name="runner">Runs one stage; exceptions it throws propagate unchanged.</param>
    /// <returns>The transformed record, or null when a stage dropped it.</returns>
    public ConnectRecord? Apply(ConnectRecord record, TransformationStageRunner runner)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(runner);
        ConnectRecord? current = record;
        foreach (var stage in _stages)
        {
            current = runner(stage, current);
            if (current is null)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>Disposes every transformation and predicate; failures are ignored, as Connect closes them quietly.</summary>
    public void Dispose()
    {
        foreach (var stage in _stages)
        {
            stage.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"TransformationChain{{{string.Join(", ", _stages.Select(s => s.ClassName))}}}";

    private static ConnectRecord? RunWrappingErrors(TransformationStage stage, ConnectRecord record)
    {
        try
        {
            return stage.Apply(record);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TransformationException(stage, e);
        }
    }

    private static TransformationStage CreateStage(int index, TransformDefinition transform, TransformChain definition, TransformRegistry registry)
    {
        var typeKey = $"{ConnectConfigDefs.Transforms}.{transform.Alias}.type";
        var plugin = registry.Resolve(transform.Type, PluginKind.Transformation, typeKey);
        var transformation = plugin.CreateTransformation();
        try
        {
            Configure(() => transformation.Configure(transform.Config), "transformation", transform.Alias, plugin.ClassName);
            var predicate = transform.PredicateAlias is null ? null : CreatePredicate(transform, definition, registry);
            return new TransformationStage(index, transform.Alias, plugin.ClassName, transformation, predicate);
        }
        catch
        {
            transformation.Dispose();
            throw;
        }
    }

    private static TransformationStage.PredicateBinding CreatePredicate(TransformDefinition transform, TransformChain definition, TransformRegistry registry)
    {
        var alias = transform.PredicateAlias!;
        var declared = definition.Predicates.FirstOrDefault(p => string.Equals(p.Alias, alias, StringComparison.Ordinal))
            ?? throw new ConfigException(
                $"{ConnectConfigDefs.Transforms}.{transform.Alias}.{TransformChain.PredicateKey}", alias, $"predicate '{alias}' is not declared in predicates");
        var plugin = registry.Resolve(declared.Type, PluginKind.Predicate, $"{ConnectConfigDefs.Predicates}.{alias}.type");
        var predicate = plugin.CreatePredicate();
        try
        {
            Configure(() => predicate.Configure(declared.Config), "predicate", alias, plugin.ClassName);
            return new TransformationStage.PredicateBinding(alias, plugin.ClassName, predicate, transform.Negate);
        }
        catch
        {
            predicate.Dispose();
            throw;
        }
    }

    private static void Configure(Action configure, string noun, string alias, string className)
    {
        try
        {
            configure();
        }
        catch (ConfigException e)
        {
            var prefix = noun == "predicate" ? ConnectConfigDefs.Predicates : ConnectConfigDefs.Transforms;
            throw new ConfigException($"Invalid configuration of {noun} '{alias}' ({className}): {e.Message}", e)
            {
                Key = e.Key is null ? null : $"{prefix}.{alias}.{e.Key}",
            };
        }
    }
}
