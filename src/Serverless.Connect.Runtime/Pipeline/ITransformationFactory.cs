using Serverless.Connect.Transforms;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>Creates the transformations and predicates a connector configuration names (<c>transforms.&lt;alias&gt;.type</c>, <c>predicates.&lt;alias&gt;.type</c>).</summary>
public interface ITransformationFactory
{
    /// <summary>Creates an unconfigured transformation.</summary>
    /// <param name="type">The class name or alias as configured.</param>
    /// <returns>The transformation.</returns>
    /// <exception cref="Serverless.Connect.Errors.ConnectException">The type is unknown; the message lists the supported ones.</exception>
    ITransformation CreateTransformation(string type);

    /// <summary>Creates an unconfigured predicate.</summary>
    /// <param name="type">The class name or alias as configured.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="Serverless.Connect.Errors.ConnectException">The type is unknown; the message lists the supported ones.</exception>
    IPredicate CreatePredicate(string type);

    /// <summary>The Java class name Connect reports for a configured type (aliases resolved, e.g. <c>org.apache.kafka.connect.transforms.Cast$Value</c>).</summary>
    /// <param name="type">The class name or alias as configured.</param>
    /// <returns>The class name.</returns>
    string GetClassName(string type);
}
