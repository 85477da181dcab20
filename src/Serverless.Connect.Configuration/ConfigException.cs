using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration;

/// <summary>Thrown when a configuration is malformed, invalid or cannot be resolved.</summary>
/// <remarks>Messages follow Kafka's <c>ConfigException</c> wording so pasted configs fail the way users expect.</remarks>
public class ConfigException : Exception
{
    /// <summary>Creates an exception with a plain message.</summary>
    /// <param name="message">The message.</param>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a plain message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception in Kafka's form <c>Invalid value V for configuration K: reason</c>.</summary>
    /// <param name="key">The configuration key.</param>
    /// <param name="value">The offending value; passwords render as <c>[hidden]</c>.</param>
    /// <param name="reason">Why the value is invalid, or null.</param>
    public ConfigException(string key, object? value, string? reason)
        : base(FormatInvalid(key, value, reason))
    {
        Key = key;
    }

    /// <summary>Creates an exception without a message (for serializers and analyzers).</summary>
    public ConfigException()
    {
    }

    /// <summary>The configuration key the problem is about, when known.</summary>
    public string? Key { get; init; }

    private static string FormatInvalid(string key, object? value, string? reason)
    {
        var text = $"Invalid value {JavaValueFormatter.Format(value)} for configuration {key}";
        return reason is null ? text : $"{text}: {reason}";
    }
}
