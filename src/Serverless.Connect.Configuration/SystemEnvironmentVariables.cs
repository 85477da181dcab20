using System.Collections;

namespace Serverless.Connect.Configuration;

/// <summary>The process environment.</summary>
public sealed class SystemEnvironmentVariables : IEnvironmentVariables
{
    private SystemEnvironmentVariables()
    {
    }

    /// <summary>The shared instance.</summary>
    public static SystemEnvironmentVariables Instance { get; } = new();

    /// <inheritdoc />
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetAll()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}
