namespace Serverless.Connect.Configuration.Validation;

/// <summary>Runs several validators in order; the first failure wins (Kafka's <c>ConfigDef.CompositeValidator</c>).</summary>
public sealed class CompositeValidator : IConfigValidator
{
    private readonly IReadOnlyList<IConfigValidator> _validators;

    private CompositeValidator(IReadOnlyList<IConfigValidator> validators)
    {
        _validators = validators;
    }

    /// <summary>Combines validators.</summary>
    /// <param name="validators">The validators, run in this order.</param>
    /// <returns>The combined validator.</returns>
    public static CompositeValidator Of(params IConfigValidator[] validators) => new(validators.ToArray());

    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        foreach (var validator in _validators)
        {
            validator.EnsureValid(name, value);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _validators.Select(v => v.ToString()));
}
