namespace Serverless.Connect.Configuration;

/// <summary>One error or warning about a configuration, usually naming the key it concerns.</summary>
/// <param name="Key">The configuration key, or null when the problem is about the whole document.</param>
/// <param name="Message">The human-readable message; never contains secret values.</param>
/// <param name="Location">Where the problem was found (for example <c>connectors.yaml:12:5</c>), or null.</param>
public sealed record ConfigProblem(string? Key, string Message, string? Location = null)
{
    /// <summary>Formats the problem as <c>[location: ]key: message</c>.</summary>
    /// <returns>The single-line text.</returns>
    public override string ToString()
    {
        var prefix = Location is null ? string.Empty : Location + ": ";
        return Key is null ? prefix + Message : $"{prefix}{Key}: {Message}";
    }
}
