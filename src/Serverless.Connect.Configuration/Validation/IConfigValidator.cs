namespace Serverless.Connect.Configuration.Validation;

/// <summary>Checks one parsed configuration value (Kafka's <c>ConfigDef.Validator</c>).</summary>
/// <remarks>Implementations describe their valid values through <see cref="object.ToString"/>.</remarks>
public interface IConfigValidator
{
    /// <summary>Throws when <paramref name="value"/> is not acceptable for <paramref name="name"/>.</summary>
    /// <param name="name">The configuration key.</param>
    /// <param name="value">The parsed value (for example an <see cref="int"/> or a list of strings), or null.</param>
    /// <exception cref="ConfigException">The value is invalid.</exception>
    void EnsureValid(string name, object? value);
}
