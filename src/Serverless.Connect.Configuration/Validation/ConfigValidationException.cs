namespace Serverless.Connect.Configuration.Validation;

/// <summary>Thrown when a configuration fails validation; the message lists one problem per line.</summary>
public sealed class ConfigValidationException : ConfigException
{
    /// <summary>Creates the exception from a failed result.</summary>
    /// <param name="result">The validation result.</param>
    public ConfigValidationException(ConfigValidationResult result)
        : base(result?.ToString() ?? string.Empty)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>The full validation result.</summary>
    public ConfigValidationResult Result { get; }
}
