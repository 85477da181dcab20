using Serverless.Connect.Data;
using Serverless.Connect.Transforms;

namespace Serverless.Connect.Runtime.Pipeline;

/// <summary>One configured entry of the transformation chain (Connect's <c>TransformationStage</c>): a transformation, optionally guarded by a predicate.</summary>
public sealed class TransformationStage : IDisposable
{
    /// <summary>Creates a stage.</summary>
    /// <param name="alias">The alias from <c>transforms</c>.</param>
    /// <param name="className">The Java class name reported when the stage fails.</param>
    /// <param name="transformation">The configured transformation; owned by the stage.</param>
    /// <param name="predicate">The configured predicate, or null; shared, not owned.</param>
    /// <param name="negate">Whether to apply the transformation when the predicate does not hold.</param>
    public TransformationStage(string alias, string className, ITransformation transformation, IPredicate? predicate = null, bool negate = false)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(transformation);
        Alias = alias;
        ClassName = className;
        Transformation = transformation;
        Predicate = predicate;
        Negate = negate;
    }

    /// <summary>Gets the alias.</summary>
    public string Alias { get; }

    /// <summary>Gets the Java class name of the transformation.</summary>
    public string ClassName { get; }

    /// <summary>Gets the transformation.</summary>
    public ITransformation Transformation { get; }

    /// <summary>Gets the predicate, or null.</summary>
    public IPredicate? Predicate { get; }

    /// <summary>Gets a value indicating whether the predicate is negated.</summary>
    public bool Negate { get; }

    /// <summary>Applies the transformation when there is no predicate or <c>negate XOR predicate.test(record)</c>; otherwise returns the record unchanged.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The result, or null when the record is dropped.</returns>
    public ConnectRecord? Apply(ConnectRecord record) =>
        Predicate is null || (Negate ^ Predicate.Test(record)) ? Transformation.Apply(record) : record;

    /// <inheritdoc/>
    public void Dispose() => Transformation.Dispose();
}
