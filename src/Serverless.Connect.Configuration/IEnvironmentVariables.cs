namespace Serverless.Connect.Configuration;

/// <summary>Read access to environment variables, injectable so tests and hosts can supply their own.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The value of one variable.</summary>
    /// <param name="name">The variable name (case-sensitive on Linux).</param>
    /// <returns>The value, or null when unset.</returns>
    string? Get(string name);

    /// <summary>All variables.</summary>
    /// <returns>A snapshot of every variable.</returns>
    IReadOnlyDictionary<string, string> GetAll();
}
