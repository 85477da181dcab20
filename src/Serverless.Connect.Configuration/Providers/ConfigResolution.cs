namespace Serverless.Connect.Configuration.Providers;

/// <summary>The outcome of resolving <c>${…}</c> references in a configuration.</summary>
public sealed class ConfigResolution
{
    internal ConfigResolution(IReadOnlyDictionary<string, string> values, IReadOnlyList<ConfigProblem> errors, IReadOnlyList<ConfigProblem> warnings)
    {
        Values = values;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The configuration with every resolvable reference replaced; unresolvable ones are left as written.</summary>
    /// <remarks>Contains secret values: never log it.</remarks>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>One error per unresolvable reference, naming the key and the reference.</summary>
    public IReadOnlyList<ConfigProblem> Errors { get; }

    /// <summary>References left unchanged because their provider alias is unknown (Kafka's behaviour), and declaration problems.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; }

    /// <summary>Whether every reference was resolved.</summary>
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>Returns the resolved values or throws.</summary>
    /// <returns>The resolved values.</returns>
    /// <exception cref="ConfigResolutionException">A reference could not be resolved.</exception>
    public IReadOnlyDictionary<string, string> EnsureSuccess() => IsSuccess ? Values : throw new ConfigResolutionException(Errors);
}
