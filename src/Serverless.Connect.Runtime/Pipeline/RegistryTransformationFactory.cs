using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Transforms;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>Creates the configured transformations and predicates from a <see cref="TransformRegistry"/> (the built-in SMTs by default).</summary>
public sealed class RegistryTransformationFactory : ITransformationFactory
{
    private readonly TransformRegistry _registry;

    /// <summary>Creates a factory.</summary>
    /// <param name="registry">The registry; <see cref="TransformRegistry.Default"/> when null.</param>
    public RegistryTransformationFactory(TransformRegistry? registry = null)
    {
        _registry = registry ?? TransformRegistry.Default;
    }

    /// <summary>Gets a factory over <see cref="TransformRegistry.Default"/>.</summary>
    public static RegistryTransformationFactory Default { get; } = new();

    /// <inheritdoc/>
    public ITransformation CreateTransformation(string type) => _registry.Resolve(type, PluginKind.Transformation, "type").CreateTransformation();

    /// <inheritdoc/>
    public IPredicate CreatePredicate(string type) => _registry.Resolve(type, PluginKind.Predicate, "type").CreatePredicate();

    /// <inheritdoc/>
    public string GetClassName(string type) =>
        _registry.Find(type, PluginKind.Transformation)?.ClassName ?? _registry.Find(type, PluginKind.Predicate)?.ClassName ?? type;
}
