using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Transforms;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Cli.Plugins;

/// <summary>Creates the configured transformations and predicates from the <see cref="TransformRegistry"/>.</summary>
internal sealed class RegistryTransformationFactory(TransformRegistry registry) : ITransformationFactory
{
    public ITransformation CreateTransformation(string type) => registry.Resolve(type, PluginKind.Transformation, "type").CreateTransformation();

    public IPredicate CreatePredicate(string type) => registry.Resolve(type, PluginKind.Predicate, "type").CreatePredicate();

    public string GetClassName(string type) =>
        registry.Find(type, PluginKind.Transformation)?.ClassName ?? registry.Find(type, PluginKind.Predicate)?.ClassName ?? type;
}
