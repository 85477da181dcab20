namespace Serverless.Connect.Configuration.Validation;

/// <summary>Accepts the listed strings in any letter case (Kafka's <c>ConfigDef.CaseInsensitiveValidString</c>).</summary>
/// <remarks>Like Kafka, the error message lists the accepted values upper-cased.</remarks>
public sealed class CaseInsensitiveValidString : IConfigValidator
{
    private readonly IReadOnlyList<string> _upperCased;

    private CaseInsensitiveValidString(IReadOnlyList<string> upperCased)
    {
        _upperCased = upperCased;
    }

    /// <summary>Creates a validator accepting these strings in any case.</summary>
    /// <param name="validStrings">The accepted values.</param>
    /// <returns>The validator.</returns>
    public static CaseInsensitiveValidString In(params string[] validStrings) =>
        new(validStrings.Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray());

    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is not string s || !_upperCased.Contains(s.ToUpperInvariant(), StringComparer.Ordinal))
        {
            throw new ConfigException(name, value, "String must be one of (case insensitive): " + string.Join(", ", _upperCased));
        }
    }

    /// <summary>Describes the accepted values, for example <c>(case insensitive) [IGNORE, DELETE, FAIL]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "(case insensitive) [" + string.Join(", ", _upperCased) + "]";
}
