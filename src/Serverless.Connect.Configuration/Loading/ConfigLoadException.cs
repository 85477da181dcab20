namespace Serverless.Connect.Configuration.Loading;

/// <summary>Thrown when configuration files cannot be loaded; lists every problem, one per line, with file and line.</summary>
public sealed class ConfigLoadException : ConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems found.</param>
    public ConfigLoadException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, problems ?? []))
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }
}
