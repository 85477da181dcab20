namespace Serverless.Connect.Errors;

/// <summary>
/// An invalid converter setting (for example <c>decimal.format</c>). The message follows Kafka's <c>ConfigException</c>:
/// <c>Invalid value &lt;value&gt; for configuration &lt;name&gt;: &lt;reason&gt;</c>.
/// </summary>
/// <remarks>Named apart from <c>Serverless.Connect.Configuration.ConfigException</c> so both namespaces can be imported together.</remarks>
public sealed class ConverterConfigException : ConnectException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ConverterConfigException()
        : this("Invalid configuration.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public ConverterConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public ConverterConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a named configuration whose value is invalid.</summary>
    /// <param name="name">The configuration name.</param>
    /// <param name="value">The rejected value.</param>
    /// <param name="reason">Why it was rejected, or <see langword="null"/>.</param>
    public ConverterConfigException(string name, string? value, string? reason)
        : base($"Invalid value {value ?? "null"} for configuration {name}" + (reason is null ? string.Empty : ": " + reason))
    {
        ConfigName = name;
    }

    /// <summary>Gets the name of the rejected configuration, when known.</summary>
    public string? ConfigName { get; }
}
