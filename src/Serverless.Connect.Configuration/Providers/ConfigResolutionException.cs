namespace Serverless.Connect.Configuration.Providers;

/// <summary>Thrown when config provider references cannot be resolved; one line per reference, never a secret value.</summary>
public sealed class ConfigResolutionException : ConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The unresolved references.</param>
    public ConfigResolutionException(IReadOnlyList<ConfigProblem> errors)
        : base(string.Join(Environment.NewLine, errors ?? []))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>The unresolved references.</summary>
    public IReadOnlyList<ConfigProblem> Errors { get; }
}
