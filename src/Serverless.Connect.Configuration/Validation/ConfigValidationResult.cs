namespace Serverless.Connect.Configuration.Validation;

/// <summary>The outcome of validating a configuration: errors and warnings, each naming its key.</summary>
public sealed class ConfigValidationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="errors">Problems that make the configuration unusable.</param>
    /// <param name="warnings">Problems worth telling the user about (deprecated keys, ignored settings).</param>
    /// <param name="config">The parsed values; dropped when there are errors.</param>
    public ConfigValidationResult(IEnumerable<ConfigProblem> errors, IEnumerable<ConfigProblem> warnings, ParsedConfig? config = null)
    {
        Errors = errors.ToList().AsReadOnly();
        Warnings = warnings.ToList().AsReadOnly();
        Config = Errors.Count == 0 ? config : null;
    }

    /// <summary>Problems that make the configuration unusable.</summary>
    public IReadOnlyList<ConfigProblem> Errors { get; }

    /// <summary>Problems that do not prevent running.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; }

    /// <summary>Whether there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The parsed values when valid, otherwise null.</summary>
    public ParsedConfig? Config { get; }

    /// <summary>The error messages for one key.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The messages, possibly none.</returns>
    public IReadOnlyList<string> ErrorsFor(string key) =>
        Errors.Where(e => string.Equals(e.Key, key, StringComparison.Ordinal)).Select(e => e.Message).ToList().AsReadOnly();

    /// <summary>Adds problems found by other checks (cross-field rules, plugin lookups).</summary>
    /// <param name="errors">Extra errors.</param>
    /// <param name="warnings">Extra warnings.</param>
    /// <returns>A new result.</returns>
    public ConfigValidationResult With(IEnumerable<ConfigProblem>? errors = null, IEnumerable<ConfigProblem>? warnings = null) =>
        new(Errors.Concat(errors ?? []), Warnings.Concat(warnings ?? []), Config);

    /// <summary>Returns the parsed values or throws.</summary>
    /// <returns>The parsed values.</returns>
    /// <exception cref="ConfigValidationException">There are errors.</exception>
    public ParsedConfig EnsureValid() => Config ?? throw new ConfigValidationException(this);

    /// <summary>The errors, one per line, each as <c>key: message</c>.</summary>
    /// <returns>The text; empty when valid.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Errors);

    /// <summary>The warnings, one per line, each as <c>key: message</c>.</summary>
    /// <returns>The text; empty when there are none.</returns>
    public string FormatWarnings() => string.Join(Environment.NewLine, Warnings);
}
