namespace Serverless.Connect.Configuration.Providers;

/// <summary>Thrown by a config provider when a path cannot be used; the message names the path, never a value.</summary>
public sealed class ConfigProviderException : ConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ConfigProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public ConfigProviderException()
    {
    }
}
