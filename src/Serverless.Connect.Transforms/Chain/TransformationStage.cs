using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>
/// One configured transformation of a chain with its optional predicate: Connect's <c>TransformationStage</c>. The
/// transformation applies when there is no predicate, or when <c>negate</c> XOR the predicate's result is true.
/// </summary>
public sealed class TransformationStage : IDisposable
{
    internal TransformationStage(int index, string alias, string className, ITransformation transformation, PredicateBinding? predicate)
    {
        Index = index;
        Alias = alias;
        ClassName = className;
        Transformation = transformation;
        PredicateAlias = predicate?.Alias;
        PredicateClassName = predicate?.ClassName;
        Predicate = predicate?.Predicate;
        Negate = predicate?.Negate ?? false;
    }

    /// <summary>The zero-based position in the chain.</summary>
    public int Index { get; }

    /// <summary>The alias from <c>transforms</c>.</summary>
    public string Alias { get; }

    /// <summary>The resolved Kafka class name, as reported in <c>__connect.errors.class.name</c> (also when the predicate fails).</summary>
    public string ClassName { get; }

    /// <summary>The configured transformation.</summary>
    public ITransformation Transformation { get; }

    /// <summary>The alias of the predicate, or null when the transformation always applies.</summary>
    public string? PredicateAlias { get; }

    /// <summary>The resolved Kafka class name of the predicate, or null.</summary>
    public string? PredicateClassName { get; }

    /// <summary>This stage's own configured predicate instance, or null.</summary>
    public IPredicate? Predicate { get; }

    /// <summary>Whether the predicate's result is negated.</summary>
    public bool Negate { get; }

    /// <summary>Whether the transformation applies to a record: no predicate, or <c>negate ^ predicate.test(record)</c>.</summary>
    /// <param name="record">The record.</param>
    /// <returns>True to transform.</returns>
    public bool AppliesTo(ConnectRecord record) => Predicate is null || Negate ^ Predicate.Test(record);

    /// <summary>Applies the stage: the transformed record, the same record when the predicate says no, or null to drop it.</summary>
    /// <param name="record">The record; not modified.</param>
    /// <returns>The result.</returns>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AppliesTo(record) ? Transformation.Apply(record) : record;
    }

    /// <summary>Disposes the transformation and the predicate; like Connect's <c>closeQuietly</c>, failures are ignored.</summary>
    public void Dispose()
    {
        DisposeQuietly(Transformation);
        DisposeQuietly(Predicate);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"TransformationStage{{alias={Alias}, predicate={PredicateClassName ?? "null"}, delegate={ClassName}, negate={(Negate ? "true" : "false")}}}";

    private static void DisposeQuietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
#pragma warning disable CA1031 // Connect closes plugins quietly so one failing close cannot leak the others.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    internal sealed record PredicateBinding(string Alias, string ClassName, IPredicate Predicate, bool Negate);
}
