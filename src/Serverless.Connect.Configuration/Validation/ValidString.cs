namespace Serverless.Connect.Configuration.Validation;

/// <summary>Accepts only the listed strings, compared exactly (Kafka's <c>ConfigDef.ValidString</c>).</summary>
public sealed class ValidString : IConfigValidator
{
    private readonly IReadOnlyList<string> _validStrings;

    private ValidString(IReadOnlyList<string> validStrings)
    {
        _validStrings = validStrings;
    }

    /// <summary>The accepted values, in declaration order.</summary>
    public IReadOnlyList<string> ValidStrings => _validStrings;

    /// <summary>Creates a validator accepting exactly these strings.</summary>
    /// <param name="validStrings">The accepted values.</param>
    /// <returns>The validator.</returns>
    public static ValidString In(params string[] validStrings) => new(validStrings.ToArray());

    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is not string s || !_validStrings.Contains(s, StringComparer.Ordinal))
        {
            throw new ConfigException(name, value, "String must be one of: " + string.Join(", ", _validStrings));
        }
    }

    /// <summary>Describes the accepted values, for example <c>[none, all]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "[" + string.Join(", ", _validStrings) + "]";
}
