namespace Serverless.Connect.Configuration;

/// <summary>A fixed set of environment variables, for tests and embedding.</summary>
public sealed class DictionaryEnvironmentVariables : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _variables;

    /// <summary>Creates the environment.</summary>
    /// <param name="variables">The variables.</param>
    public DictionaryEnvironmentVariables(IEnumerable<KeyValuePair<string, string>> variables)
    {
        _variables = new Dictionary<string, string>(variables, StringComparer.Ordinal);
    }

    /// <summary>An environment with no variables.</summary>
    public static DictionaryEnvironmentVariables Empty { get; } = new([]);

    /// <inheritdoc />
    public string? Get(string name) => _variables.GetValueOrDefault(name);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetAll() => _variables;
}
