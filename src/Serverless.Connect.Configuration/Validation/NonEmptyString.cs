namespace Serverless.Connect.Configuration.Validation;

/// <summary>Rejects the empty string; null passes (Kafka's <c>ConfigDef.NonEmptyString</c>).</summary>
public sealed class NonEmptyString : IConfigValidator
{
    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is string { Length: 0 })
        {
            throw new ConfigException(name, value, "String must be non-empty");
        }
    }

    /// <inheritdoc />
    public override string ToString() => "non-empty string";
}
