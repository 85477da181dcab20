namespace Serverless.Connect.Configuration.Validation;

/// <summary>Rejects null (Kafka's <c>ConfigDef.NonNullValidator</c>).</summary>
public sealed class NonNullValidator : IConfigValidator
{
    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is null)
        {
            throw new ConfigException(name, "null", "entry must be non null");
        }
    }

    /// <inheritdoc />
    public override string ToString() => "non-null string";
}
