namespace Serverless.Connect.Errors;

/// <summary>
/// An invalid configuration value. The message follows Kafka's <c>ConfigException</c>:
/// <c>Invalid value &lt;value&gt; for configuration &lt;name&gt;: &lt;reason&gt;</c>.
/// </summary>
public sealed class ConfigException : ConnectException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ConfigException()
        : this("Invalid configuration.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a named configuration whose value is invalid.</summary>
    /// <param name="name">The configuration name.</param>
    /// <param name="value">The rejected value.</param>
    /// <param name="reason">Why it was rejected, or <see langword="null"/>.</param>
    public ConfigException(string name, string? value, string? reason)
        : base($"Invalid value {value ?? "null"} for configuration {name}" + (reason is null ? string.Empty : ": " + reason))
    {
        ConfigName = name;
    }

    /// <summary>Gets the name of the rejected configuration, when known.</summary>
    public string? ConfigName { get; }
}
