namespace Serverless.Connect.Configuration.Validation;

/// <summary>A validator built from a delegate (Kafka's <c>ConfigDef.LambdaValidator</c>).</summary>
public sealed class LambdaValidator : IConfigValidator
{
    private readonly Action<string, object?> _ensureValid;
    private readonly string _description;

    private LambdaValidator(Action<string, object?> ensureValid, string description)
    {
        _ensureValid = ensureValid;
        _description = description;
    }

    /// <summary>Creates a validator.</summary>
    /// <param name="ensureValid">Throws <see cref="ConfigException"/> for invalid values.</param>
    /// <param name="description">Describes the valid values.</param>
    /// <returns>The validator.</returns>
    public static LambdaValidator With(Action<string, object?> ensureValid, string description)
    {
        ArgumentNullException.ThrowIfNull(ensureValid);
        return new LambdaValidator(ensureValid, description);
    }

    /// <inheritdoc />
    public void EnsureValid(string name, object? value) => _ensureValid(name, value);

    /// <inheritdoc />
    public override string ToString() => _description;
}
